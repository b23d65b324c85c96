"""Change.entity is an enum; the string names callers used still work, misspelt ones fail at once."""

from __future__ import annotations

import pytest

from trustframe.services.changes import Change, ChangeNotifier, Entity


def test_entity_is_an_enum_and_accepts_its_name() -> None:
    change = Change("answer", "GOV-01", 3)
    assert change.entity is Entity.ANSWER
    assert change.entity == "answer"  # str enum: screens comparing with the name keep working
    assert Change(Entity.VENDOR, 1) == Change("vendor", 1)


def test_an_unknown_entity_is_refused() -> None:
    with pytest.raises(ValueError):
        Change("answers")


def test_listeners_get_the_enum() -> None:
    seen: list[Entity] = []
    notifier = ChangeNotifier()
    notifier.subscribe(lambda c: seen.append(c.entity))
    notifier.announce(Change("evidence", 4))
    assert seen == [Entity.EVIDENCE]
