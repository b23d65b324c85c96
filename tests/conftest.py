"""Shared fixtures. Qt's platform is set before anything imports PySide6 (without a display Qt
would abort the whole run), and every test gets its own user folders and workspace."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Iterator

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


@pytest.fixture(autouse=True)
def _gc_on_gui_thread(request: pytest.FixtureRequest) -> None:
    """GUI tests collect reference cycles on the GUI thread only, as the app does
    (trustframe/ui/gc_guard.py): a collection on a worker thread can free a Qt object there and
    crash the next timer tick. Tests without Qt are left alone."""
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        from trustframe.ui import gc_guard, messages

        gc_guard.install(request.getfixturevalue("qapp"))
        monkeypatch: pytest.MonkeyPatch = request.getfixturevalue("monkeypatch")

        def unexpected(_parent: object, message: messages.Message) -> bool:
            # A real message box is modal: with nobody to close it the suite would hang (as it
            # once did on an unexpected error dialog). Tests that expect a message take the
            # ``shown`` fixture (tests/ui/conftest.py), which records it instead.
            raise AssertionError(f"unexpected {message.kind} message box: {message.title}: {message.text}\n"
                                 f"{message.details}")

        monkeypatch.setattr(messages, "presenter", unexpected)


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


# -- PostgreSQL (team mode): a throwaway cluster per test session, see tests/pg_cluster.py ---------

def pg_support() -> "object":
    """tests/pg_cluster.py as a module (tests/ is not a package; --import-mode=importlib)."""
    import importlib.util
    import sys

    module = sys.modules.get("trustframe_tests_pg_cluster")
    if module is None:
        spec = importlib.util.spec_from_file_location("trustframe_tests_pg_cluster", Path(__file__).parent / "pg_cluster.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator["object"]:
    """A running throwaway PostgreSQL cluster (skips, or fails under
    TRUSTFRAME_REQUIRE_POSTGRES=1, when no server can be started)."""
    cluster = pg_support().start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: "object") -> Iterator[str]:
    """The URL of a new, empty database on the throwaway cluster (one per test, dropped after it)."""
    name = pg_cluster.new_database()  # type: ignore[attr-defined]
    yield pg_cluster.url(name)  # type: ignore[attr-defined]
    pg_cluster.drop_database(name)  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def _pg_template(pg_cluster: "object") -> str:
    """A database holding a freshly created (migrated) workspace, used as a template so each test
    gets its workspace by a fast copy instead of running the migrations again."""
    from trustframe.storage.database import Workspace

    name = pg_cluster.new_database()  # type: ignore[attr-defined]
    Workspace.open(pg_cluster.url(name)).close()  # type: ignore[attr-defined]
    return name


@pytest.fixture
def pg_workspace_url(pg_cluster: "object", _pg_template: str) -> Iterator[str]:
    """The URL of a new database holding an empty, current workspace (one per test, dropped after it)."""
    name = pg_cluster.new_database(template=_pg_template)  # type: ignore[attr-defined]
    yield pg_cluster.url(name)  # type: ignore[attr-defined]
    pg_cluster.drop_database(name)  # type: ignore[attr-defined]


ENGINES = ["sqlite", "postgresql"]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Modules marked ``both_engines`` run every test that uses ``services`` (or the bare
    ``workspace_location``) on SQLite and on PostgreSQL (team mode), and every test that uses
    ``demo_engine`` (a module's shared demo workspace) once per engine, except tests marked
    ``sqlite_only`` (they work on the file itself). tests/test_engine_coverage.py checks that
    every service test module is marked, or listed as SQLite-only with its reason."""
    if (not metafunc.definition.get_closest_marker("both_engines")
            or metafunc.definition.get_closest_marker("sqlite_only")):
        return
    if "services" in metafunc.fixturenames or "workspace_location" in metafunc.fixturenames:
        metafunc.parametrize("engine", ENGINES, indirect=True)
    if "demo_engine" in metafunc.fixturenames:
        # Module scope: the tests of one engine run together on one copy of the demo.
        metafunc.parametrize("demo_engine", ENGINES, indirect=True, scope="module")


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """Which engine the ``services`` fixture uses: "sqlite" unless parametrised (both_engines)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def workspace_location(engine: str, workspace_path: Path, request: pytest.FixtureRequest) -> str:
    """Where the ``services`` fixture's workspace lives: a file, or a fresh PostgreSQL database."""
    if engine == "postgresql":
        return str(request.getfixturevalue("pg_workspace_url"))
    return str(workspace_path)


@pytest.fixture
def services(workspace_location: str, sample_dir: Path) -> Iterator["object"]:
    """Services on a fresh workspace whose catalog also has the sample questionnaire."""
    from trustframe.services.context import Services
    from trustframe.services.questionnaires import QuestionnaireCatalog
    from trustframe.storage.database import Workspace

    workspace = Workspace.open(workspace_location)
    svc = Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(sample_dir,)), user="tester")
    yield svc
    svc.close()


DEMO_DAY = (2026, 3, 2)  # the day every shared demo workspace is built "as of"


def _build_demo(location: str) -> None:
    from datetime import date

    from trustframe.services.context import Services
    from trustframe.services.demo import build_demo

    with Services.open(location, user="tester") as svc:
        build_demo(svc, today=date(*DEMO_DAY))


@pytest.fixture(scope="session")
def _demo_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace file, built once per session (modules get copies: ``demo_location``)."""
    path = tmp_path_factory.mktemp("demo-source") / "demo.tfw"
    _build_demo(str(path))
    return path


@pytest.fixture(scope="session")
def _demo_pg_template(pg_cluster: "object") -> str:
    """A database holding the demo workspace, built once per session and copied per module."""
    name = pg_cluster.new_database()  # type: ignore[attr-defined]
    _build_demo(pg_cluster.url(name))  # type: ignore[attr-defined]
    return name


@pytest.fixture(scope="module")
def demo_engine(request: pytest.FixtureRequest) -> str:
    """Which engine ``demo_location`` uses: "sqlite" unless parametrised (both_engines)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="module")
def demo_location(demo_engine: str, request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> str:
    """A private copy of the demo workspace (built as of DEMO_DAY) for one module: a file, or a
    PostgreSQL database made from the session's demo template. Building the demo once per
    session instead of once per module is what keeps running it on both engines affordable."""
    if demo_engine == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        name = cluster.new_database(template=request.getfixturevalue("_demo_pg_template"))
        request.addfinalizer(lambda: cluster.drop_database(name))
        return str(cluster.url(name))
    import sqlite3

    source = request.getfixturevalue("_demo_sqlite_file")
    target = tmp_path_factory.mktemp("demo") / "demo.tfw"
    # SQLite's backup API: a consistent copy whatever state the source's WAL is in.
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return str(target)


@pytest.fixture
def sample_assessment(services: "object") -> "object":
    """A vendor, a software product and a draft assessment against the sample questionnaire."""
    s = services
    vendor = s.vendors.add_vendor("Acme Secure Ltd", "GB")  # type: ignore[attr-defined]
    product = s.vendors.add_product(vendor.id, "Acme Gateway", "software")  # type: ignore[attr-defined]
    return s.assessments.create(vendor.id, product.id, "sample-trust")  # type: ignore[attr-defined]


@pytest.fixture
def sample_assessment_on(sample_dir: Path) -> Iterator[Any]:
    """A factory: (services, sample assessment) on the workspace at a given location (a file or a
    PostgreSQL URL); closed after the test."""
    from trustframe.services.context import Services
    from trustframe.services.questionnaires import QuestionnaireCatalog
    from trustframe.storage.database import Workspace

    opened: list[Any] = []

    def make(location: str) -> tuple[Any, Any]:
        workspace = Workspace.open(location)
        svc = Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(sample_dir,)), user="tester")
        opened.append(svc)
        vendor = svc.vendors.add_vendor("Acme Secure Ltd", "GB")
        product = svc.vendors.add_product(vendor.id, "Acme Gateway", "software")
        return svc, svc.assessments.create(vendor.id, product.id, "sample-trust")

    yield make
    for svc in opened:
        svc.close()


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
