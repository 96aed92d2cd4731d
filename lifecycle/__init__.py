"""One shape for every status field: declared transitions, one verb, one exception.

A stateful model declares its moves once, next to its status choices::

    PATH = Machine(
        "stage",
        Transition("contact", {Stage.REFERRED}, Stage.CONTACTED, _("Record first contact")),
        ...
    )

and its services call ``PATH.apply(path, "contact")``, which refuses a move the current
status does not allow with IllegalTransition and otherwise sets the new status (saving is
the caller's job: it holds the row lock and knows which other fields change with it).
``can`` and ``available`` tell a screen which buttons to offer.

No library: django-fsm-2 and viewflow.fsm do this with decorators and signals, which would
be a new dependency for about sixty lines and would hide the map a reader wants to see.
"""

from dataclasses import dataclass

__all__ = ["IllegalTransition", "Machine", "Transition"]


@dataclass(frozen=True)
class Transition:
    """A named move from any of ``sources`` to ``target``, with the label a button shows."""

    name: str
    sources: frozenset
    target: str
    label: str = ""

    def __post_init__(self):
        object.__setattr__(self, "sources", frozenset(self.sources))
        object.__setattr__(self, "label", self.label or self.name)


class IllegalTransition(Exception):
    """A move the object's current status does not allow."""

    def __init__(self, obj, name, status):
        self.obj = obj
        self.name = name
        self.status = status
        super().__init__(f"Cannot {name} {type(obj).__name__} {obj.pk!r} in status {status!r}")


class Machine:
    """The transitions of one status field (``field``) of a model."""

    def __init__(self, field_name, *transitions):
        self.field = field_name
        self.transitions = {}
        for transition in transitions:
            if transition.name in self.transitions:
                raise ValueError(f"Transition {transition.name!r} declared twice")
            self.transitions[transition.name] = transition

    def __getitem__(self, name):
        """The transition called ``name``; KeyError for a name never declared (a bug)."""
        return self.transitions[name]

    def __iter__(self):
        return iter(self.transitions.values())

    def status(self, obj):
        return getattr(obj, self.field)

    def can(self, obj, name):
        """Whether ``obj`` may take the move ``name`` now."""
        return self.status(obj) in self[name].sources

    def available(self, obj):
        """The moves ``obj`` may take now, in declaration order (for a screen's buttons)."""
        return [t for t in self if self.status(obj) in t.sources]

    def apply(self, obj, name):
        """Sets ``obj``'s status to the target of ``name``; returns ``(previous, target)``.

        Raises IllegalTransition when the current status is not a source of the move. Does
        not save: the caller saves under its row lock, with whatever else the move changes.
        """
        transition = self[name]
        previous = self.status(obj)
        if previous not in transition.sources:
            raise IllegalTransition(obj, name, previous)
        setattr(obj, self.field, transition.target)
        return previous, transition.target
