"""Test-data factories, one module per domain."""
