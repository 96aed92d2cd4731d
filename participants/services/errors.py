"""The errors the participants' services raise, in one place for views to translate."""

from lifecycle import IllegalTransition

__all__ = ["IllegalTransition", "MonthLocked", "NotEnrolled", "NotPermitted"]


class NotPermitted(Exception):
    """The user may not act on this person (permission or scope)."""


class MonthLocked(Exception):
    """The month is locked: its attendance changes only by an adjustment with a reason."""


class NotEnrolled(Exception):
    """Attendance given for a path not enrolled in the session's activity."""
