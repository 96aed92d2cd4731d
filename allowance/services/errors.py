"""The errors the allowance's services raise, for views to translate."""

from lifecycle import IllegalTransition

__all__ = ["IllegalTransition", "MonthNotLocked", "NotPermitted"]


class NotPermitted(Exception):
    """The user may not act on this statement or batch (permission or scope)."""


class MonthNotLocked(Exception):
    """Statements are computed only from a locked month: before that attendance may change."""
