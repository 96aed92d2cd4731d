"""The state-machine helper: declared moves pass, every other move is refused."""

from types import SimpleNamespace

import pytest

from lifecycle import IllegalTransition, Machine, Transition

DOOR = Machine(
    "state",
    Transition("open", {"closed"}, "open", "Open the door"),
    Transition("close", {"open"}, "closed"),
    Transition("lock", {"closed"}, "locked"),
    Transition("break", {"open", "closed", "locked"}, "broken"),
)


def door(state):
    return SimpleNamespace(pk=1, state=state)


def test_apply_moves_to_the_target_and_reports_where_it_came_from():
    thing = door("closed")
    assert DOOR.apply(thing, "open") == ("closed", "open")
    assert thing.state == "open"


@pytest.mark.parametrize(
    ("state", "move"),
    [("open", "open"), ("open", "lock"), ("locked", "open"), ("broken", "break")],
)
def test_an_illegal_move_is_refused_and_changes_nothing(state, move):
    thing = door(state)
    with pytest.raises(IllegalTransition) as refused:
        DOOR.apply(thing, move)
    assert thing.state == state
    assert refused.value.status == state
    assert refused.value.name == move


def test_can_and_available_offer_only_legal_moves_in_declared_order():
    assert DOOR.can(door("closed"), "lock")
    assert not DOOR.can(door("open"), "lock")
    assert [t.name for t in DOOR.available(door("closed"))] == ["open", "lock", "break"]
    assert DOOR.available(door("broken")) == []
    assert DOOR["open"].label == "Open the door"
    assert DOOR["close"].label == "close"


def test_unknown_names_and_duplicates_are_programming_errors():
    with pytest.raises(KeyError):
        DOOR.apply(door("open"), "fly")
    with pytest.raises(ValueError):
        Machine("state", Transition("a", {"x"}, "y"), Transition("a", {"y"}, "x"))
