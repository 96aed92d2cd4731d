"""The allowance's use cases: one function per action (statements, payments)."""
