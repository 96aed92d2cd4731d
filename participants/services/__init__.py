"""Service functions: one per user action, each checking, locking, changing and logging."""
