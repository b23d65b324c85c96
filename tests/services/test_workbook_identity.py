"""Issue 12: a returned workbook can change only the assessment it was sent for.

Each attack is tried as a hostile vendor would, with every option an officer might add
(naming an assessment, accepting an old-style seal). Whatever is refused must leave the whole
workspace as it was: the database content is compared before and after, row by row.
"""

from __future__ import annotations

import sqlite3
import sys
import uuid
import zipfile
from pathlib import Path
from typing import Any, Callable

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from exchange_support import fill, read_meta, rewrite_meta, set_reference  # noqa: E402
from trustframe.errors import ExchangeError
from trustframe.exchange.excel_model import (
    EXCHANGE_FORMAT,
    INSTRUCTIONS_SHEET,
    LEGACY_EXCHANGE_FORMAT,
    META_SHEET,
)
from trustframe.exchange.workbook_identity import (
    AssessmentChoiceNeeded,
    LegacySealNeedsConfirmation,
    UnknownExchangeFormat,
    keyed_seal,
    legacy_seal,
)
from trustframe.storage.export_bindings import SEAL_LEGACY, ExportBindingRepository
from trustframe.storage.orm import ExportBindingRow

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

#: Every combination of the officer's options an attack is tried with (assessment: None = not
#: named, "target" = the assessment the attacker aims at, "origin" = the one it was sent for).
OPTIONS = [(assessment, accept) for assessment in (None, "target", "origin") for accept in (False, True)]


@pytest.fixture
def world(services: Any, sample_assessment: Any) -> dict[str, Any]:
    """Assessment A (Acme, the vendor the workbook goes to), B (another Acme product) and
    C (another vendor), each with an export; A's workbook returned with one answer."""
    s = services
    acme_product = s.vendors.add_product(sample_assessment.vendor_id, "Acme Cloud", "software")
    other = s.vendors.add_vendor("Globex Corp", "US")
    globex_product = s.vendors.add_product(other.id, "Globex Router", "software")
    b = s.assessments.create(sample_assessment.vendor_id, acme_product.id, "sample-trust")
    c = s.assessments.create(other.id, globex_product.id, "sample-trust")
    return {"A": sample_assessment, "B": b, "C": c}


def export(services: Any, assessment: Any, path: Path) -> tuple[Path, str]:
    result = services.exchange.export_questionnaire(assessment.id, path)
    return path, result.export_uid


def db_content(services: Any) -> list[str]:
    """Every row of every table, to show that nothing at all changed. Read through the workspace's
    own engine, so the check means the same on SQLite and on PostgreSQL (a raw sqlite3 dump of a
    server workspace's name would read an empty new file and prove nothing)."""
    from sqlalchemy import select

    from trustframe.storage.orm import Base

    rows: list[str] = []
    with services.workspace.reading() as session:
        for table in Base.metadata.sorted_tables:
            found = session.execute(select(table)).all()
            rows += sorted(f"{table.name}: {tuple(row)!r}" for row in found)
    assert any(line.startswith("answers: ") or line.startswith("assessments: ") for line in rows)
    return rows


def seal_key(services: Any) -> bytes:
    with services.workspace.reading() as session:
        return ExportBindingRepository(session).seal_key()


def mark_legacy(services: Any, export_uid: str) -> None:
    """Make an export look as if it was sent before the keyed seal existed (as migration 0002
    records exports made before it)."""
    with services.workspace.transaction() as session:
        session.get(ExportBindingRow, export_uid).seal = SEAL_LEGACY


def attempt(services: Any, path: Path, world: dict[str, Any], assessment: str | None, accept: bool,
            target: str, origin: str = "A") -> None:
    """Preview (and apply, if the preview were ever given) with one combination of options."""
    chosen = {None: None, "target": world[target].id, "origin": world[origin].id}[assessment]
    preview = services.exchange.preview_import(path, chosen, accept_legacy_seal=accept)
    services.exchange.apply_import(preview)


def assert_always_refused(services: Any, world: dict[str, Any], path: Path, target: str,
                          options: list[tuple[str | None, bool]] = OPTIONS,
                          check: Callable[[ExchangeError], bool] = lambda exc: True) -> None:
    before = db_content(services)
    for assessment, accept in options:
        with pytest.raises(ExchangeError) as caught:
            attempt(services, path, world, assessment, accept, target)
        # never just "needs a confirmation" once the confirmation is given
        assert not (accept and isinstance(caught.value, LegacySealNeedsConfirmation)), (assessment, accept)
        assert check(caught.value), (assessment, accept, str(caught.value))
    assert db_content(services) == before


# -- a genuine return ---------------------------------------------------------------------------------


def test_a_genuine_return_imports_without_any_question(services: Any, world: dict[str, Any], tmp_path: Path) -> None:
    path, export_uid = export(services, world["A"], tmp_path / "a.xlsx")
    returned = fill(path, {"VUL-01": "Yes"})
    others = {k: services.assessments.answers(world[k].id) for k in ("B", "C")}
    preview = services.exchange.preview_import(returned)  # no assessment named, nothing confirmed
    assert preview.assessment_id == world["A"].id and preview.identified_by == "metadata"
    assert preview.verification == "keyed-seal" and preview.identity_verified
    assert (preview.vendor_name, preview.product_name) == ("Acme Secure Ltd", "Acme Gateway")
    assert preview.sent_to_vendor == "Acme Secure Ltd" and preview.export_uid == export_uid
    assert not [i for i in preview.issues if "verif" in i.message or "seal" in i.message]
    data = preview.to_dict()
    assert data["target"] == {"assessment_id": world["A"].id, "vendor": "Acme Secure Ltd", "product": "Acme Gateway"}
    assert data["sent_to_vendor"] == "Acme Secure Ltd" and data["identity_verified"] is True
    result = services.exchange.apply_import(preview)
    assert result.applied == ("VUL-01",)
    assert services.assessments.answers(world["A"].id)["VUL-01"].value == "yes"
    assert {k: services.assessments.answers(world[k].id) for k in ("B", "C")} == others
    # naming its own assessment changes nothing about that; naming another one is refused
    assert services.exchange.preview_import(returned, world["A"].id).verification == "keyed-seal"
    before = db_content(services)
    for other in ("B", "C"):
        for accept in (False, True):
            with pytest.raises(ExchangeError, match="only the assessment it was sent for|another vendor"):
                services.exchange.preview_import(returned, world[other].id, accept_legacy_seal=accept)
    assert db_content(services) == before


def test_every_export_is_bound_to_its_assessment_and_vendor(services: Any, world: dict[str, Any],
                                                           tmp_path: Path) -> None:
    for name in ("A", "B", "C"):
        _path, export_uid = export(services, world[name], tmp_path / f"{name}.xlsx")
        with services.workspace.reading() as session:
            binding = ExportBindingRepository(session).get(export_uid)
        assert binding is not None
        assert (binding.assessment_id, binding.vendor_id, binding.product_id) == (
            world[name].id, world[name].vendor_id, world[name].product_id)
        assert binding.vendor_name == world[name].vendor_name and binding.seal == "hmac-sha256"


# -- the attacks of the issue -------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["B", "C"])
def test_repointed_metadata_resealed_the_old_way_is_refused(services: Any, world: dict[str, Any], tmp_path: Path,
                                                            target: str) -> None:
    path, _ = export(services, world["A"], tmp_path / "a.xlsx")
    returned = fill(path, {"VUL-01": "Yes"})
    target_uid = services.assessments.uid(world[target].id)
    forged = rewrite_meta(returned, tmp_path / "forged.xlsx", legacy_seal, format=LEGACY_EXCHANGE_FORMAT,
                          assessment_uid=target_uid)
    assert_always_refused(services, world, forged, target)
    # ... and so is the same forgery keeping today's format (its keyed seal cannot be recomputed)
    forged2 = rewrite_meta(returned, tmp_path / "forged2.xlsx", legacy_seal, assessment_uid=target_uid)
    assert_always_refused(services, world, forged2, target)


@pytest.mark.parametrize("target", ["B", "C"])
def test_repointed_metadata_of_an_old_export_is_refused_even_when_accepted(services: Any, world: dict[str, Any],
                                                                          tmp_path: Path, target: str) -> None:
    # An export made before the keyed seal: its binding still says which assessment it was for.
    path, export_uid = export(services, world["A"], tmp_path / "a.xlsx")
    mark_legacy(services, export_uid)
    returned = fill(path, {"VUL-01": "Yes"})
    forged = rewrite_meta(returned, tmp_path / "forged.xlsx", legacy_seal, format=LEGACY_EXCHANGE_FORMAT,
                          assessment_uid=services.assessments.uid(world[target].id))
    assert_always_refused(services, world, forged, target)


@pytest.mark.parametrize("target", ["B", "C"])
@pytest.mark.parametrize("export_of", ["own", "target", "unknown"])
def test_dropped_metadata_with_an_edited_reference_is_refused(services: Any, world: dict[str, Any], tmp_path: Path,
                                                             target: str, export_of: str) -> None:
    path, own_export = export(services, world["A"], tmp_path / "a.xlsx")
    _b, target_export = export(services, world[target], tmp_path / "t.xlsx")
    export_uid = {"own": own_export, "target": target_export, "unknown": str(uuid.uuid4())}[export_of]
    wb = openpyxl.load_workbook(fill(path, {"VUL-01": "Yes"}))
    del wb[META_SHEET]
    set_reference(wb[INSTRUCTIONS_SHEET], f"TF1:{services.assessments.uid(world[target].id)}:{export_uid}")
    forged = tmp_path / "no-meta.xlsx"
    wb.save(forged)
    # Never matched by the reference alone; naming the target only passes when the file really is
    # one of the target's exports with the target's reference, which is not an attack on the target.
    options = [o for o in OPTIONS if not (o[0] == "target" and export_of == "target")]
    assert_always_refused(services, world, forged, target, options)
    before = db_content(services)
    with pytest.raises(AssessmentChoiceNeeded):
        services.exchange.preview_import(forged)
    assert db_content(services) == before


@pytest.mark.parametrize("target", ["B", "C"])
def test_an_export_uid_of_another_assessment_is_refused(services: Any, world: dict[str, Any], tmp_path: Path,
                                                        target: str) -> None:
    path, _ = export(services, world["A"], tmp_path / "a.xlsx")
    _t, target_export = export(services, world[target], tmp_path / "t.xlsx")
    returned = fill(path, {"VUL-01": "Yes"})
    # The vendor swaps in the export uid of the other assessment (keeping its own assessment uid) ...
    swapped = rewrite_meta(returned, tmp_path / "swapped.xlsx", legacy_seal, format=LEGACY_EXCHANGE_FORMAT,
                           export_uid=target_export, reference=False)
    assert_always_refused(services, world, swapped, target)
    # ... also when that export is an old one, sealed the old way
    mark_legacy(services, target_export)
    assert_always_refused(services, world, swapped, target)
    # ... and with both uids pointing at the target
    both = rewrite_meta(returned, tmp_path / "both.xlsx", legacy_seal, format=LEGACY_EXCHANGE_FORMAT,
                        export_uid=target_export, assessment_uid=services.assessments.uid(world[target].id))
    assert_always_refused(services, world, both, target,
                          # a genuine old return of the target imports into the target once confirmed
                          options=[o for o in OPTIONS if not (o[1] and o[0] in (None, "target"))],
                          )


@pytest.mark.parametrize("version", ["trustframe-exchange/99", "trustframe-exchange/3", "something-else"])
def test_an_unknown_format_version_is_refused_by_name(services: Any, world: dict[str, Any], tmp_path: Path,
                                                      version: str) -> None:
    path, _ = export(services, world["A"], tmp_path / "a.xlsx")
    key = seal_key(services)
    # even sealed with the real key: the layout of another version cannot be read safely
    unknown = rewrite_meta(fill(path, {"VUL-01": "Yes"}), tmp_path / "v99.xlsx", lambda m: keyed_seal(m, key),
                           format=version)
    assert_always_refused(services, world, unknown, "A",
                          check=lambda exc: isinstance(exc, UnknownExchangeFormat) and version in str(exc))


def test_a_return_is_never_imported_into_another_vendors_assessment(services: Any, world: dict[str, Any],
                                                                    tmp_path: Path) -> None:
    path, export_uid = export(services, world["A"], tmp_path / "a.xlsx")
    returned = fill(path, {"VUL-01": "Yes"})
    before = db_content(services)
    for accept in (False, True):
        with pytest.raises(ExchangeError, match="another vendor"):
            services.exchange.preview_import(returned, world["C"].id, accept_legacy_seal=accept)
    assert db_content(services) == before
    # old-style seal, metadata gone: the same
    mark_legacy(services, export_uid)
    old = rewrite_meta(returned, tmp_path / "old.xlsx", legacy_seal, format=LEGACY_EXCHANGE_FORMAT)
    wb = openpyxl.load_workbook(returned)
    del wb[META_SHEET]
    wb.save(tmp_path / "nometa.xlsx")
    before = db_content(services)
    for candidate in (old, tmp_path / "nometa.xlsx"):
        with pytest.raises(ExchangeError, match="another vendor"):
            attempt(services, candidate, world, "target", True, "C")
    assert db_content(services) == before


# -- old-style seal ------------------------------------------------------------------------------------


def test_an_old_style_return_imports_only_after_confirmation(services: Any, world: dict[str, Any],
                                                             tmp_path: Path) -> None:
    path, export_uid = export(services, world["A"], tmp_path / "a.xlsx")
    mark_legacy(services, export_uid)
    old = rewrite_meta(fill(path, {"VUL-01": "Yes"}), tmp_path / "old.xlsx", legacy_seal,
                       format=LEGACY_EXCHANGE_FORMAT)
    before = db_content(services)
    with pytest.raises(LegacySealNeedsConfirmation) as caught:
        services.exchange.preview_import(old)
    message = str(caught.value)
    assert "cannot be verified" in message and "--accept-legacy-seal" in message and "Acme Gateway" in message
    assert db_content(services) == before
    preview = services.exchange.preview_import(old, accept_legacy_seal=True)
    assert preview.assessment_id == world["A"].id and preview.verification == "legacy-seal"
    assert not preview.identity_verified
    assert any("old, unkeyed" in i.message and i.severity == "warning" for i in preview.issues)
    assert services.exchange.apply_import(preview).applied == ("VUL-01",)
    (record,) = services.exchange.imports(world["A"].id)
    assert record.summary["verification"] == "legacy-seal"


def test_an_old_style_seal_on_a_keyed_export_is_tampering(services: Any, world: dict[str, Any],
                                                          tmp_path: Path) -> None:
    path, _ = export(services, world["A"], tmp_path / "a.xlsx")
    downgraded = rewrite_meta(fill(path, {"VUL-01": "Yes"}), tmp_path / "old.xlsx", legacy_seal,
                              format=LEGACY_EXCHANGE_FORMAT)
    with pytest.raises(ExchangeError, match="altered") as caught:
        services.exchange.preview_import(downgraded, accept_legacy_seal=True)
    assert not isinstance(caught.value, LegacySealNeedsConfirmation)


# -- the key ---------------------------------------------------------------------------------------------


def test_the_seal_key_is_per_workspace_and_never_in_a_workbook(services: Any, world: dict[str, Any],
                                                               tmp_path: Path) -> None:
    import base64

    key = seal_key(services)
    assert len(key) >= 32
    path, _ = export(services, world["A"], tmp_path / "a.xlsx")
    meta, seal = read_meta(path)
    assert meta.format == EXCHANGE_FORMAT and seal == keyed_seal(meta, key)
    forms = [key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key), base64.b64encode(key)[:20]]
    with zipfile.ZipFile(path) as package:
        for member in package.namelist():
            data = package.read(member)
            assert not any(form in data for form in forms), member
    # another workspace has another key, so its seal does not verify here
    from trustframe.storage.database import Workspace

    with Workspace.open(tmp_path / "other.tfw") as other:
        with other.reading() as session:
            assert ExportBindingRepository(session).seal_key() != key


@pytest.mark.sqlite_only  # works on the workspace file itself
def test_a_workspace_migrated_from_0001_gets_a_key_and_its_old_exports_bound(services: Any, world: dict[str, Any],
                                                                            tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from trustframe.services.context import Services
    from trustframe.storage.database import MIGRATIONS_DIR

    path, export_uid = export(services, world["A"], tmp_path / "a.xlsx")
    workspace_path = services.workspace.path
    services.close()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    from sqlalchemy import create_engine

    # Back to schema 0001 with foreign keys off: batch migrations recreate tables, and with
    # foreign keys on, dropping the old assessments table would cascade into the exports.
    engine = create_engine(f"sqlite:///{workspace_path}")
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    engine.dispose()
    con = sqlite3.connect(workspace_path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert "workspace_secrets" not in tables and "export_bindings" not in tables
    with Services.open(workspace_path, create=False) as migrated:
        with migrated.workspace.reading() as session:
            repo = ExportBindingRepository(session)
            assert len(repo.seal_key()) == 32
            binding = repo.get(export_uid)
        assert binding is not None and binding.seal == SEAL_LEGACY
        assert (binding.assessment_id, binding.vendor_name) == (world["A"].id, "Acme Secure Ltd")
        # the workbook sent before the upgrade (format 1 then) comes back with its old seal
        old = rewrite_meta(fill(path, {"VUL-01": "Yes"}), tmp_path / "old.xlsx", legacy_seal,
                           format=LEGACY_EXCHANGE_FORMAT)
        with pytest.raises(LegacySealNeedsConfirmation):
            migrated.exchange.preview_import(old)
        assert migrated.exchange.preview_import(old, accept_legacy_seal=True).assessment_id == world["A"].id


@pytest.mark.parametrize("seal", ["é" * 64, "", "=1+1", "0" * 10_000])
def test_a_hostile_seal_cell_is_just_an_invalid_seal(services: Any, world: dict[str, Any], tmp_path: Path,
                                                     seal: str) -> None:
    path, _ = export(services, world["A"], tmp_path / "a.xlsx")
    forged = rewrite_meta(fill(path, {"VUL-01": "Yes"}), tmp_path / "seal.xlsx", lambda m: seal)
    with pytest.raises(AssessmentChoiceNeeded):
        services.exchange.preview_import(forged)
    preview = services.exchange.preview_import(forged, world["A"].id)
    assert preview.verification == "unverified"


def test_an_edited_reference_beside_a_valid_seal_is_ignored_but_shown(services: Any, world: dict[str, Any],
                                                                      tmp_path: Path) -> None:
    path, _ = export(services, world["A"], tmp_path / "a.xlsx")
    _b, b_export = export(services, world["B"], tmp_path / "b.xlsx")
    wb = openpyxl.load_workbook(fill(path, {"VUL-01": "Yes"}))
    set_reference(wb[INSTRUCTIONS_SHEET], f"TF1:{services.assessments.uid(world['B'].id)}:{b_export}")
    wb.save(tmp_path / "edited-ref.xlsx")
    preview = services.exchange.preview_import(tmp_path / "edited-ref.xlsx")
    assert preview.assessment_id == world["A"].id and preview.verification == "keyed-seal"
    assert any("Instructions sheet was changed" in i.message for i in preview.issues)
