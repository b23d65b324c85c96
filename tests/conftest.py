"""Shared fixtures. Qt's platform is set before anything imports PySide6 (without a display Qt
would abort the whole run), and every test gets its own user folders and workspace."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TRUSTFRAME_USER", "tester")

import pytest  # noqa: E402

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "sample-questionnaire.yaml"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """User data, config and logs go to a temporary folder for each test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TRUSTFRAME_HOME", str(home))
    return home


@pytest.fixture
def data_dir() -> Path:
    """tests/data."""
    return DATA


@pytest.fixture
def sample_dir(tmp_path: Path) -> Path:
    """A folder holding only the small sample questionnaire (used as an extra catalog folder)."""
    folder = tmp_path / "extra-questionnaires"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    return folder


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    """A path for a fresh workspace file."""
    return tmp_path / "test.tfw"


@pytest.fixture
def services(workspace_path: Path, sample_dir: Path) -> Iterator["object"]:
    """Services on a fresh workspace whose catalog also has the sample questionnaire."""
    from trustframe.services.context import Services
    from trustframe.services.questionnaires import QuestionnaireCatalog
    from trustframe.storage.database import Workspace

    workspace = Workspace.open(workspace_path)
    svc = Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(sample_dir,)), user="tester")
    yield svc
    svc.close()


@pytest.fixture
def sample_assessment(services: "object") -> "object":
    """A vendor, a software product and a draft assessment against the sample questionnaire."""
    s = services
    vendor = s.vendors.add_vendor("Acme Secure Ltd", "GB")  # type: ignore[attr-defined]
    product = s.vendors.add_product(vendor.id, "Acme Gateway", "software")  # type: ignore[attr-defined]
    return s.assessments.create(vendor.id, product.id, "sample-trust")  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def qapp(qapp: "object") -> "object":
    """pytest-qt's application with TrustFrame's English plural forms installed, as the app does at
    start-up (without them "%n vendor(s)" would read "2 vendor(s)" instead of "2 vendors")."""
    from PySide6.QtCore import QTranslator

    from trustframe.ui import i18n

    translator = QTranslator(qapp)  # type: ignore[arg-type]
    if translator.load(f"trustframe_{i18n.SOURCE_LANGUAGE}", str(i18n.translations_dir())):
        qapp.installTranslator(translator)  # type: ignore[attr-defined]
    return qapp
