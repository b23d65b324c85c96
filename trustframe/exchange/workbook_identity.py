"""Workbook identity: the seal on an exported workbook's metadata and how a returned one is judged.

An exported workbook carries a hidden metadata sheet (workspace, assessment and export uids,
questionnaire version, question checksums) and a *seal* over it. Since exchange format 2 the
seal is an HMAC-SHA-256 keyed with a secret that is created with the workspace and never leaves
it, so a vendor can read the metadata but cannot change it (re-point it at another assessment)
and seal it again. Format 1 workbooks carry the old unkeyed seal (a truncated SHA-256 anyone
can recompute): they are accepted only after the officer confirms, and only for exports
recorded as sealed that way.

Pure: no storage, no services. The key is passed in by the exchange service; it is never
written to a workbook (only the seal computed with it is).
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
from dataclasses import dataclass

from trustframe.errors import ExchangeError, Issue
from trustframe.exchange.excel_model import (
    EXCHANGE_FORMAT,
    LEGACY_EXCHANGE_FORMAT,
    ParsedWorkbook,
    WorkbookMeta,
)

#: Every exchange format this version can judge; anything else is refused, naming the version.
KNOWN_FORMATS: tuple[str, ...] = (LEGACY_EXCHANGE_FORMAT, EXCHANGE_FORMAT)
#: Prefix of the HMAC input: a seal made for a workbook can never be replayed as a MAC of
#: anything else the workspace key might ever sign.
_SEAL_CONTEXT = b"trustframe-workbook-seal\x00"


class UnknownExchangeFormat(ExchangeError):
    """The workbook declares an exchange format this version does not know."""


class LegacySealNeedsConfirmation(ExchangeError):
    """The workbook is sealed the old (unkeyed) way: the officer must confirm the risk first."""


class AssessmentChoiceNeeded(ExchangeError):
    """The workbook's identity cannot be verified: the officer must choose the assessment."""


class SealStatus(str, enum.Enum):
    """What the seal of a returned workbook shows."""

    #: Format 2, HMAC verified with this workspace's key: the metadata is as exported.
    KEYED = "keyed-seal"
    #: Format 1, old unkeyed seal matches: the metadata may be genuine or forged.
    LEGACY = "legacy-seal"
    #: The seal does not match the metadata (edited, or sealed by another workspace).
    INVALID = "invalid"
    #: No usable metadata sheet (deleted or incomplete).
    MISSING = "missing"


@dataclass(frozen=True)
class SealVerdict:
    """The result of checking a returned workbook's seal."""

    status: SealStatus
    #: The metadata as the file claims it (None when missing); trusted only when ``status`` is KEYED.
    meta: WorkbookMeta | None
    #: Why the metadata is not usable, for messages ("missing", "its seal does not match ...").
    problem: str = ""


def _payload(meta: WorkbookMeta) -> bytes:
    # Every field (the format too, so a downgraded file never matches) and every question
    # checksum, in a canonical order.
    return json.dumps([meta.fields(), sorted(meta.checksums.items())], sort_keys=True).encode("utf-8")


def keyed_seal(meta: WorkbookMeta, key: bytes) -> str:
    """HMAC-SHA-256 (hex) of the metadata and question checksums under the workspace's key."""
    if len(key) < 16:
        raise ValueError("The workbook seal key is too short.")
    return hmac.new(key, _SEAL_CONTEXT + _payload(meta), hashlib.sha256).hexdigest()


def legacy_seal(meta: WorkbookMeta) -> str:
    """The old, unkeyed seal of format 1 workbooks (kept only to recognise them)."""
    return hashlib.sha256(_payload(meta)).hexdigest()[:16]


def check_seal(parsed: ParsedWorkbook, key: bytes) -> SealVerdict:
    """Judge the metadata a returned workbook claims. Raises UnknownExchangeFormat for a format
    this version does not know (a newer TrustFrame, or a forgery); otherwise never raises."""
    meta = parsed.meta
    if meta is None:
        return SealVerdict(SealStatus.MISSING, None, parsed.meta_problem or "missing")
    if meta.format not in KNOWN_FORMATS:
        shown = meta.format[:60]
        raise UnknownExchangeFormat(
            f"{parsed.file_name} declares exchange format {shown!r}, which this version of TrustFrame does not "
            f"know (it reads {' and '.join(KNOWN_FORMATS)}). It was not imported.",
            [Issue(f"unknown exchange format {shown!r}", file=parsed.file_name, where="metadata")])
    # Bytes, not str: compare_digest refuses non-ASCII text, and the seal cell is the vendor's.
    seal = parsed.meta_seal.encode("utf-8", "replace")
    if meta.format == LEGACY_EXCHANGE_FORMAT:
        if hmac.compare_digest(legacy_seal(meta).encode("ascii"), seal):
            return SealVerdict(SealStatus.LEGACY, meta)
    elif hmac.compare_digest(keyed_seal(meta, key).encode("ascii"), seal):
        return SealVerdict(SealStatus.KEYED, meta)
    return SealVerdict(SealStatus.INVALID, meta, "damaged: its seal does not match its content (it was edited)")
