"""Every exception class TrustFrame defines derives from TrustFrameError (one root, docs/architecture.md)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import trustframe
from trustframe.errors import TrustFrameError


def _modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(trustframe.__path__, "trustframe."):
        if ".migrations" in info.name:  # Alembic scripts run only inside Alembic's context
            continue
        names.append(info.name)
    return names


def test_every_exception_class_is_a_trustframe_error() -> None:
    found: list[type[BaseException]] = []
    outside: list[str] = []
    for name in _modules():
        module = importlib.import_module(name)
        for _attr, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != name or not issubclass(cls, BaseException):
                continue
            found.append(cls)
            if not issubclass(cls, TrustFrameError):
                outside.append(f"{name}.{cls.__qualname__}")
    assert not outside, f"exception classes outside TrustFrameError: {outside}"
    assert len(found) > 20  # the walk really saw the package's errors
