"""Plain-language summaries of machine-readable evidence (SBOM, VEX facts) for the GUI."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject


class _Plurals(QObject):
    """Holds the plural texts: pyside6-lupdate marks ``self.tr(text, "", n)`` as a numerus form
    (with plural forms per language) but not the same call through QCoreApplication.translate."""

    def components(self, n: int) -> str:
        return self.tr("%n component(s)", "", n)

    def affected(self, n: int) -> str:
        return self.tr("%n affected", "", n)


_plurals: _Plurals | None = None


def _plural() -> _Plurals:
    global _plurals
    if _plurals is None:
        _plurals = _Plurals()
    return _plurals


def facts_text(facts: Any) -> tuple[str, str]:
    """A short summary and a tooltip of an SBOM's or VEX document's facts ("" for other evidence)."""
    if not facts:
        return "", ""
    # Named "translate", not "tr": lupdate reads tr(a, b) as tr(text, disambiguation).
    translate = QCoreApplication.translate
    if facts.get("kind") == "sbom":
        def pct(key: str) -> str:
            return f"{float(facts.get(key, 0)) * 100:.0f} %"

        n = int(facts.get("component_count", 0))
        short = _plural().components(n)
        if not facts.get("has_dependencies"):
            short += translate("VendorView", ", no dependencies")
        detail = "\n".join([
            f"{facts.get('format')} {facts.get('spec_version')} ({facts.get('encoding')})",
            translate("VendorView", "Top level: {name} {version}").format(
                name=facts.get("top_level_name") or "–", version=facts.get("top_level_version") or ""),
            translate("VendorView", "Created: {when}").format(when=facts.get("created") or "–"),
            translate("VendorView", "Components: {n}; dependency relationships: {d}").format(
                n=n, d=facts.get("dependency_count", 0)),
            translate("VendorView", "With supplier {s}, version {v}, identifier {i}, hashes {h}, licence {l}").format(
                s=pct("with_supplier"), v=pct("with_version"), i=pct("with_identifier"), h=pct("with_hashes"),
                l=pct("with_licence")),
            translate("VendorView", "NTIA minimum elements met") if facts.get("ntia_minimum_met")
            else translate("VendorView", "NTIA minimum elements NOT met"),
        ])
        return short, detail
    if facts.get("kind") == "vex":
        counts = facts.get("by_status") or {}
        affected = int(counts.get("affected", 0))
        short = _plural().affected(affected)
        kev = sum(1 for v in facts.get("vulnerabilities", ())
                  if v.get("known_exploited") and v.get("status") == "affected")
        detail = "\n".join([
            str(facts.get("format", "")),
            translate("VendorView", "Affected {a}, not affected {n}, fixed {f}, under investigation {u}").format(
                a=affected, n=counts.get("not_affected", 0), f=counts.get("fixed", 0),
                u=counts.get("under_investigation", 0)),
            translate("VendorView", "Affected and known exploited: {k}").format(k=kev),
        ])
        return short, detail
    return "", ""
