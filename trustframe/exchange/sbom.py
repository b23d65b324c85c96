"""SBOM, VEX and known-exploited-vulnerability files: parsed defensively into facts.

These files come from vendors (or from the internet via the user) and are untrusted:

- only regular files, at most :data:`MAX_BYTES` (50 MB); nesting deeper than :data:`MAX_DEPTH`
  (64) is refused before any library sees the document;
- XML is parsed with defusedxml (no DTDs, no entities, no external references);
- nothing in a file's content makes TrustFrame open another file or the network.

CycloneDX (JSON and XML, 1.4-1.7) is validated and read with cyclonedx-python-lib, SPDX 2.3
(JSON and tag-value) with spdx-tools. CSAF 2.0 VEX and CycloneDX VEX give a list of
vulnerabilities by status; a CISA KEV JSON file (supplied by the user; nothing is fetched) gives
the set of known-exploited CVE ids.
"""

from __future__ import annotations

import json
import re
import stat
import warnings
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from trustframe.domain.sbom import SbomFacts, VexDocument, VexEntry, VexStatus
from trustframe.errors import TrustFrameError

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64
CYCLONEDX_VERSIONS = ("1.4", "1.5", "1.6", "1.7")
CYCLONEDX_NS = re.compile(r"^\{http://cyclonedx\.org/schema/bom/(\d+\.\d+)\}bom$")


class EvidenceFileError(TrustFrameError):
    """A machine-readable evidence file that cannot be accepted; the message says why."""


# -- reading untrusted bytes ----------------------------------------------------------------------


def read_untrusted(path: Path, what: str = "file") -> bytes:
    """The bytes of a regular file of at most :data:`MAX_BYTES`, or a clear refusal."""
    try:
        st = path.stat()
    except OSError as exc:
        raise EvidenceFileError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from exc
    if not stat.S_ISREG(st.st_mode):
        # A named pipe or device would block or never end.
        raise EvidenceFileError(f"{path.name}: not a regular file; choose the {what} itself.")
    if st.st_size > MAX_BYTES:
        raise EvidenceFileError(f"{path.name}: {st.st_size / 1024 / 1024:.0f} MB is over the "
                                f"{MAX_BYTES // 1024 // 1024} MB limit for a {what}.")
    with path.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise EvidenceFileError(f"{path.name}: over the {MAX_BYTES // 1024 // 1024} MB limit for a {what}.")
    return data


def _text(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EvidenceFileError(f"{name}: not UTF-8 text (byte {exc.start}); SBOM and VEX files are text.") from exc


_JSON_TOKENS = re.compile(r'"(?:\\.|[^"\\])*"|[\[\]{}]')


def _check_json_depth(text: str, name: str) -> None:
    # Scan brackets outside strings before json.loads: deep nesting would otherwise exhaust the
    # stack (RecursionError) or make later walkers slow.
    depth = 0
    for m in _JSON_TOKENS.finditer(text):
        tok = m.group()
        if tok in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, m.start()) + 1
                raise EvidenceFileError(f"{name}: nested deeper than {MAX_DEPTH} levels (line {line}); refused.")
        elif tok in "]}":
            depth -= 1


def _reject_constant(value: str) -> Any:
    raise ValueError(f"{value} is not valid JSON")


def load_json(data: bytes, name: str) -> Any:
    """Parse untrusted JSON with the depth limit; NaN and Infinity are refused."""
    text = _text(data, name)
    _check_json_depth(text, name)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise EvidenceFileError(f"{name}: not valid JSON ({exc}).") from exc


def load_xml(data: bytes, name: str) -> Element:
    """Parse untrusted XML with defusedxml and the depth limit."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root: Element = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise EvidenceFileError(f"{name}: XML with a DTD or entities is refused ({type(exc).__name__}).") from exc
    except ParseError as exc:
        raise EvidenceFileError(f"{name}: not well-formed XML ({exc}).") from exc
    stack: list[tuple[Element, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise EvidenceFileError(f"{name}: nested deeper than {MAX_DEPTH} levels; refused.")
        stack.extend((child, depth + 1) for child in node)
    return root


def sniff(data: bytes) -> str:
    """``json``, ``xml`` or ``text`` from the first non-blank bytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith(b"<"):
        return "xml"
    return "text"


# -- SBOM --------------------------------------------------------------------------------------------


def parse_sbom(path: Path) -> SbomFacts:
    """Facts of a CycloneDX or SPDX SBOM file; :class:`EvidenceFileError` when it is not one."""
    path = Path(path)
    return sbom_from_bytes(read_untrusted(path, "SBOM"), path.name)


def sbom_from_bytes(data: bytes, name: str) -> SbomFacts:
    """Facts of SBOM content already read (at most :data:`MAX_BYTES`); ``name`` is used in messages."""
    _check_size(data, name, "an SBOM")
    kind = sniff(data)
    if kind == "json":
        doc = load_json(data, name)
        if isinstance(doc, dict) and doc.get("bomFormat") == "CycloneDX":
            return _cyclonedx_json(doc, name)
        if isinstance(doc, dict) and str(doc.get("spdxVersion", "")).startswith("SPDX-"):
            return _spdx_json(doc, name)
        raise EvidenceFileError(f"{name}: JSON, but neither a CycloneDX BOM (bomFormat) nor an SPDX "
                                "document (spdxVersion).")
    if kind == "xml":
        root = load_xml(data, name)
        m = CYCLONEDX_NS.match(root.tag)
        if m:
            return _cyclonedx_xml(root, m.group(1), name)
        raise EvidenceFileError(f"{name}: XML, but not a CycloneDX BOM (root element {root.tag[:80]}).")
    text = _text(data, name)
    if re.search(r"^SPDXVersion:\s*SPDX-", text, re.MULTILINE):
        return _spdx_tag_value(text, name)
    raise EvidenceFileError(f"{name}: not an SBOM: expected CycloneDX (JSON or XML) or SPDX "
                            "(JSON or tag-value).")


def _check_size(data: bytes, name: str, what: str) -> None:
    if len(data) > MAX_BYTES:
        raise EvidenceFileError(f"{name}: over the {MAX_BYTES // 1024 // 1024} MB limit for {what}.")


def _check_cdx_version(version: str, name: str) -> None:
    if version not in CYCLONEDX_VERSIONS:
        raise EvidenceFileError(f"{name}: CycloneDX {version or '(no specVersion)'} is not supported; "
                                f"supported are {', '.join(CYCLONEDX_VERSIONS)}.")


def _validated_cyclonedx_json(doc: dict[str, Any], name: str) -> str:
    """The spec version of a CycloneDX JSON document that validates against its own schema."""
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    version = str(doc.get("specVersion", ""))
    _check_cdx_version(version, name)
    error = JsonStrictValidator(SchemaVersion.from_version(version)).validate_str(json.dumps(doc))
    if error is not None:
        raise EvidenceFileError(f"{name}: not a valid CycloneDX {version} document: {_short(str(error))}")
    return version


def _cyclonedx_json(doc: dict[str, Any], name: str) -> SbomFacts:
    from cyclonedx.model.bom import Bom

    version = _validated_cyclonedx_json(doc, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bom = Bom.from_json(doc)  # type: ignore[attr-defined]
    except Exception as exc:  # the library raises many types for malformed content
        raise EvidenceFileError(f"{name}: CycloneDX {version} content could not be read ({_short(str(exc))}).") from exc
    return _cyclonedx_facts(bom, version, "json")


def _cyclonedx_xml(root: Element, version: str, name: str) -> SbomFacts:
    from cyclonedx.model.bom import Bom

    _check_cdx_version(version, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bom = Bom.from_xml(root)  # type: ignore[attr-defined]
    except Exception as exc:  # the library raises many types for malformed content
        raise EvidenceFileError(f"{name}: not a valid CycloneDX {version} XML document ({_short(str(exc))}).") from exc
    return _cyclonedx_facts(bom, version, "xml")


def _walk(items: Iterable[Any], children: str) -> Iterator[Any]:
    """Every item of a tree (nested components, nested dependencies), without recursion."""
    stack = list(items)
    while stack:
        item = stack.pop()
        yield item
        stack.extend(getattr(item, children, None) or ())


def _share(items: list[Any], test: Any) -> float:
    return round(sum(1 for i in items if test(i)) / len(items), 4) if items else 0.0


def _cyclonedx_facts(bom: Any, version: str, encoding: str) -> SbomFacts:
    comps = list(_walk(bom.components, "components"))
    deps = sum(len(d.dependencies) for d in _walk(bom.dependencies, "dependencies"))
    meta = bom.metadata
    top = meta.component
    authors = tuple(a.name for a in (meta.authors or ()) if getattr(a, "name", None))
    created = meta.timestamp if isinstance(meta.timestamp, datetime) else None
    return SbomFacts(
        format="CycloneDX", spec_version=version, encoding=encoding, created=created,
        component_count=len(comps),
        with_supplier=_share(comps, lambda c: bool(c.supplier and (c.supplier.name or c.supplier.urls))
                             or bool(getattr(c, "publisher", None)) or bool(getattr(c, "manufacturer", None))),
        with_version=_share(comps, lambda c: bool(c.version)),
        with_identifier=_share(comps, lambda c: bool(c.purl or c.cpe or c.swid)),
        with_hashes=_share(comps, lambda c: bool(c.hashes)),
        with_licence=_share(comps, lambda c: bool(c.licenses)),
        dependency_count=deps,
        top_level_name=str(top.name) if top is not None else "",
        top_level_version=str(top.version or "") if top is not None else "",
        authors=authors,
    )


def _spdx_json(doc: dict[str, Any], name: str) -> SbomFacts:
    from spdx_tools.spdx.parser.jsonlikedict.json_like_dict_parser import JsonLikeDictParser

    try:
        # spdx-tools leaves JsonLikeDictParser.__init__ unannotated (a stubs gap, not ours)
        document = JsonLikeDictParser().parse(doc)  # type: ignore[no-untyped-call]
    except Exception as exc:  # spdx-tools raises SPDXParsingError and others
        raise EvidenceFileError(f"{name}: not a valid SPDX document ({_spdx_message(exc)}).") from exc
    return _spdx_facts(document, "json", name)


def _spdx_tag_value(text: str, name: str) -> SbomFacts:
    from spdx_tools.spdx.parser.tagvalue.parser import Parser

    try:
        # spdx-tools' tag-value Parser has no annotations at all (a stubs gap, not ours)
        document = Parser().parse(text)  # type: ignore[no-untyped-call]
    except Exception as exc:  # spdx-tools raises SPDXParsingError and others
        raise EvidenceFileError(f"{name}: not a valid SPDX tag-value document ({_spdx_message(exc)}).") from exc
    return _spdx_facts(document, "tag-value", name)


def _spdx_message(exc: Exception) -> str:
    messages = getattr(exc, "messages", None)
    if messages:
        return _short("; ".join(str(m) for m in messages[:3]))
    return _short(str(exc))


def _spdx_facts(document: Any, encoding: str, name: str) -> SbomFacts:
    from spdx_tools.spdx.model.relationship import RelationshipType
    from spdx_tools.spdx.model.spdx_no_assertion import SpdxNoAssertion
    from spdx_tools.spdx.model.spdx_none import SpdxNone
    from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document

    version = str(document.creation_info.spdx_version).removeprefix("SPDX-")
    if version != "2.3":
        raise EvidenceFileError(f"{name}: SPDX {version} is not supported; SPDX 2.3 is.")
    problems = validate_full_spdx_document(document, spdx_version="SPDX-2.3")
    if problems:
        raise EvidenceFileError(f"{name}: not a valid SPDX 2.3 document: "
                                f"{_short('; '.join(p.validation_message for p in problems[:3]))}")
    packages = list(document.packages)

    def present(value: Any) -> bool:
        return value is not None and not isinstance(value, (SpdxNoAssertion, SpdxNone)) and value != ""

    def identifier(p: Any) -> bool:
        return any(ref.reference_type in ("purl", "cpe23Type", "cpe22Type", "swid") for ref in p.external_references)

    dep_types = {RelationshipType.DEPENDS_ON, RelationshipType.DEPENDENCY_OF, RelationshipType.CONTAINS,
                 RelationshipType.CONTAINED_BY, RelationshipType.DEV_DEPENDENCY_OF,
                 RelationshipType.RUNTIME_DEPENDENCY_OF, RelationshipType.BUILD_DEPENDENCY_OF,
                 RelationshipType.OPTIONAL_DEPENDENCY_OF, RelationshipType.STATIC_LINK,
                 RelationshipType.DYNAMIC_LINK}
    deps = sum(1 for r in document.relationships if r.relationship_type in dep_types)
    described = [r.related_spdx_element_id for r in document.relationships
                 if r.relationship_type == RelationshipType.DESCRIBES]
    top = next((p for p in packages if p.spdx_id in described), None)
    authors = tuple(str(c.name) for c in document.creation_info.creators if getattr(c, "name", None))
    return SbomFacts(
        format="SPDX", spec_version=version, encoding=encoding, created=document.creation_info.created,
        component_count=len(packages),
        with_supplier=_share(packages, lambda p: present(p.supplier) or present(p.originator)),
        with_version=_share(packages, lambda p: present(p.version)),
        with_identifier=_share(packages, identifier),
        with_hashes=_share(packages, lambda p: bool(p.checksums)),
        with_licence=_share(packages, lambda p: present(p.license_concluded) or present(p.license_declared)),
        dependency_count=deps,
        top_level_name=str(top.name) if top else "",
        top_level_version=str(top.version or "") if top else "",
        authors=authors,
    )


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- VEX ---------------------------------------------------------------------------------------------

_CDX_STATE = {
    "exploitable": VexStatus.AFFECTED, "in_triage": VexStatus.UNDER_INVESTIGATION,
    "resolved": VexStatus.FIXED, "resolved_with_pedigree": VexStatus.FIXED,
    "not_affected": VexStatus.NOT_AFFECTED, "false_positive": VexStatus.NOT_AFFECTED,
}
_CDX_REMEDIATION = {"update", "rollback", "workaround_available"}
_CSAF_REMEDIATION = {"vendor_fix", "mitigation", "workaround"}


def parse_vex(path: Path) -> VexDocument:
    """Vulnerabilities by status from a CSAF 2.0 VEX or a CycloneDX VEX (JSON)."""
    path = Path(path)
    return vex_from_bytes(read_untrusted(path, "VEX document"), path.name)


def vex_from_bytes(data: bytes, name: str) -> VexDocument:
    """A VEX document from content already read; ``name`` is used in messages."""
    _check_size(data, name, "a VEX document")
    if sniff(data) != "json":
        raise EvidenceFileError(f"{name}: a VEX document must be CSAF 2.0 or CycloneDX JSON.")
    doc = load_json(data, name)
    if not isinstance(doc, dict):
        raise EvidenceFileError(f"{name}: not a VEX document (the top level is not an object).")
    if isinstance(doc.get("document"), dict) and "csaf_version" in doc["document"]:
        return _csaf(doc, name)
    if doc.get("bomFormat") == "CycloneDX":
        return _cyclonedx_vex(doc, name)
    raise EvidenceFileError(f"{name}: neither CSAF (document.csaf_version) nor CycloneDX (bomFormat).")


def _date(value: Any) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _csaf(doc: dict[str, Any], name: str) -> VexDocument:
    meta = doc["document"]
    if meta.get("csaf_version") != "2.0":
        raise EvidenceFileError(f"{name}: CSAF {meta.get('csaf_version')} is not supported; CSAF 2.0 is.")
    if meta.get("category") != "csaf_vex":
        raise EvidenceFileError(f"{name}: a CSAF document of category {meta.get('category')!r}, not csaf_vex.")
    vulns = doc.get("vulnerabilities")
    if not isinstance(vulns, list):
        raise EvidenceFileError(f"{name}: a CSAF VEX needs a vulnerabilities list.")
    tracking = _table(meta.get("tracking"))
    initial = _date(tracking.get("initial_release_date"))
    entries: list[VexEntry] = []
    for i, v in enumerate(vulns):
        if not isinstance(v, dict):
            raise EvidenceFileError(f"{name}: vulnerabilities[{i}] is not an object.")
        ps = _table(v.get("product_status"))
        if ps.get("known_affected"):
            status = VexStatus.AFFECTED
        elif ps.get("under_investigation"):
            status = VexStatus.UNDER_INVESTIGATION
        elif ps.get("fixed") or ps.get("first_fixed"):
            status = VexStatus.FIXED
        elif ps.get("known_not_affected"):
            status = VexStatus.NOT_AFFECTED
        else:
            raise EvidenceFileError(f"{name}: vulnerabilities[{i}] has no product_status.")
        remediations = [r for r in v.get("remediations") or [] if isinstance(r, dict)]
        flags = [f for f in v.get("flags") or [] if isinstance(f, dict)]
        threats = [t for t in v.get("threats") or [] if isinstance(t, dict) and t.get("category") == "impact"]
        justification = ", ".join(str(f.get("label")) for f in flags if f.get("label")) or \
            "; ".join(str(t.get("details")) for t in threats if t.get("details"))
        entries.append(VexEntry(
            vulnerability=str(v.get("cve") or (v.get("ids") or [{}])[0].get("text") or f"#{i + 1}")[:64],
            status=status, justification=justification[:500],
            has_remediation=any(r.get("category") in _CSAF_REMEDIATION for r in remediations),
            first_seen=_date(v.get("release_date")) or _date(v.get("discovery_date")) or initial,
            title=str(v.get("title") or "")[:200]))
    return VexDocument("CSAF 2.0", tuple(entries))


def _cyclonedx_vex(doc: dict[str, Any], name: str) -> VexDocument:
    _validated_cyclonedx_json(doc, name)
    vulns = doc.get("vulnerabilities")
    if not vulns:
        raise EvidenceFileError(f"{name}: a CycloneDX BOM without vulnerabilities is not a VEX document.")
    entries: list[VexEntry] = []
    for i, v in enumerate(vulns):
        analysis = v.get("analysis") or {}
        state = analysis.get("state")
        if state not in _CDX_STATE:
            raise EvidenceFileError(f"{name}: vulnerabilities[{i}] ({v.get('id', '?')}) has no analysis state.")
        entries.append(VexEntry(
            vulnerability=str(v.get("id") or f"#{i + 1}")[:64], status=_CDX_STATE[state],
            justification=str(analysis.get("justification") or analysis.get("detail") or "")[:500],
            has_remediation=bool(set(analysis.get("response") or ()) & _CDX_REMEDIATION),
            first_seen=_date(v.get("published")) or _date(v.get("created")) or _date(analysis.get("firstIssued")),
            title=str(v.get("description") or "")[:200]))
    return VexDocument("CycloneDX VEX", tuple(entries))


def parse_kev(path: Path) -> frozenset[str]:
    """CVE ids of a known-exploited-vulnerabilities catalogue (CISA KEV JSON) supplied by the user."""
    path = Path(path)
    doc = load_json(read_untrusted(path, "KEV catalogue"), path.name)
    vulns = doc.get("vulnerabilities") if isinstance(doc, dict) else None
    if not isinstance(vulns, list):
        raise EvidenceFileError(f"{path.name}: not a KEV catalogue (no vulnerabilities list).")
    ids = {str(v.get("cveID", "")).upper() for v in vulns if isinstance(v, dict)}
    ids.discard("")
    if not ids:
        raise EvidenceFileError(f"{path.name}: the KEV catalogue lists no cveID.")
    return frozenset(ids)


def _table(value: object) -> dict[str, Any]:
    """A JSON object's member that should be an object, empty when absent or of another type."""
    return value if isinstance(value, dict) else {}
