"""The demo site (development and tests only): texts, builders and ``seed_demo``."""
