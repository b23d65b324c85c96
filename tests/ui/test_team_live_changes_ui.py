"""Team mode: what a colleague commits shows in an open register within 5 s (the change log is
polled), and the selection stays where it was."""

from __future__ import annotations

import time
from typing import Any

import pytest

pytestmark = [pytest.mark.postgres, pytest.mark.parametrize("engine", ["postgresql"], indirect=True)]


def test_a_colleagues_new_vendor_appears_within_five_seconds(qtbot: Any, services: Any, qapp: Any) -> None:
    from trustframe.services.context import Services
    from trustframe.storage.database import Workspace
    from trustframe.ui.context import UiContext
    from trustframe.ui.models.register_store import RegisterStore
    from trustframe.ui.settings import AppSettings

    services.vendors.add_vendor("Acme Secure Ltd", "GB")
    ctx = UiContext(services, AppSettings())
    seen: list[Any] = []
    ctx.hub.data_changed.connect(seen.append)
    store = RegisterStore(ctx)
    store.reload()
    qtbot.waitUntil(lambda: store.is_loaded and not store.is_loading, timeout=20000)
    assert [r.vendor_name for r in store.rows] == ["Acme Secure Ltd"]
    with Services(Workspace.open(services.workspace.location, create=False), user="colleague") as colleague:
        colleague.vendors.add_vendor("Beta Networks", "DE")
        started = time.monotonic()
    qtbot.waitUntil(lambda: "Beta Networks" in [r.vendor_name for r in store.rows], timeout=5000)
    assert time.monotonic() - started < 5
    assert any(c.entity == "vendor" for c in seen)
    # Own changes are not announced twice by the poll.
    before = len(seen)
    services.poll_changes()
    assert len(seen) == before
    ctx.set_services(None)
