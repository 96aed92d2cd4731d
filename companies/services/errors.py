"""The errors the companies' services raise, in one place for views to show.

Each view catches the ones its service may raise and says, in the user's language, what
happened; the messages live in the views. A move the status does not allow is lifecycle's
IllegalTransition, raised by the machines declared on the models.
"""

from lifecycle import IllegalTransition

__all__ = [
    "AlreadyDecided",
    "AlreadyMember",
    "CapacityExceeded",
    "ChangedMeanwhile",
    "CompanyNotApproved",
    "DocumentLocked",
    "DocumentsMissing",
    "DuplicateDocument",
    "IllegalTransition",
    "Incomplete",
    "InvitationNotUsable",
    "LastAdmin",
    "NotAdmin",
    "NotEditable",
    "NotEnded",
    "NotPermitted",
    "ReasonRequired",
    "ReplacementNotConfirmed",
    "SiteInUse",
    "StorageFailed",
    "TooManyRequests",
    "WrongAccount",
]


# --- decisions and scope (every service) --------------------------------------------------


class NotPermitted(Exception):
    """The user may not act on this object (permission, territory or membership)."""


class AlreadyDecided(Exception):
    """Someone moved the dossier first; ``event`` is their timeline entry (may be None)."""

    def __init__(self, company, event):
        self.company = company
        self.event = event
        super().__init__(f"{company} is {company.status}")


class ReasonRequired(Exception):
    """Requesting changes and rejecting need a message the company can act on."""


# --- the dossier --------------------------------------------------------------------------


class NotEditable(Exception):
    """The dossier is under review or decided: the company cannot change it now."""


class SiteInUse(Exception):
    """A site that positions refer to cannot be removed (positions keep their site)."""


class Incomplete(Exception):
    """The dossier cannot be sent yet: ``steps`` lists what is missing."""

    def __init__(self, steps):
        self.steps = steps
        super().__init__(", ".join(step.name for step in steps))


# --- documents ----------------------------------------------------------------------------


class DuplicateDocument(Exception):
    """The same file (same SHA-256) is already uploaded for this kind."""

    def __init__(self, document):
        self.document = document
        super().__init__(document.pk)


class DocumentLocked(Exception):
    """Reviewed or replaced versions are part of the record: they cannot be withdrawn."""


class ReplacementNotConfirmed(Exception):
    """An accepted version is in force: replacing it must be asked for explicitly."""


class StorageFailed(Exception):
    """The private storage could not keep the file (disk full, unwritable, bucket down)."""


# --- the team -----------------------------------------------------------------------------


class NotAdmin(Exception):
    """Only the company's administrators may do this."""


class LastAdmin(Exception):
    """The company would be left without an administrator."""


class AlreadyMember(Exception):
    """The person already belongs to the company."""


class TooManyRequests(Exception):
    """The user has too many open join requests, or the company too many open invitations."""


class InvitationNotUsable(Exception):
    """The invitation was accepted, revoked or has expired: ``state`` says which."""

    def __init__(self, state):
        self.state = state
        super().__init__(state)


class WrongAccount(Exception):
    """The invitation was sent to an e-mail address the signed-in user has not verified."""


# --- placements ---------------------------------------------------------------------------


class CapacityExceeded(Exception):
    """The company already hosts as many interns as its headcount allows."""

    def __init__(self, capacity, occupied):
        self.capacity = capacity
        self.occupied = occupied
        super().__init__(f"{occupied}/{capacity}")


class CompanyNotApproved(Exception):
    """Only approved host companies receive placements."""


class DocumentsMissing(Exception):
    """A placement starts only once the company's required documents (the signed
    internship agreement, as shipped) are accepted: ``kinds`` lists those that are not."""

    def __init__(self, kinds):
        self.kinds = kinds
        super().__init__(", ".join(str(kind) for kind in kinds))


class NotEnded(Exception):
    """A hire after the internship is recorded once the placement has ended; details are
    corrected only while it has not."""


class ChangedMeanwhile(Exception):
    """The placement changed after the form being saved was loaded."""
