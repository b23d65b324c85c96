"""Translation pipeline for TrustFrame's GUI: extract, check, compile (``make translations``).

    python tools/translations.py extract   # re-read the GUI sources into every .ts (keeps translations)
    python tools/translations.py check     # list unfinished strings per language; exit 1 if any
    python tools/translations.py compile   # .ts -> .qm next to it (the .qm files are committed)
    python tools/translations.py all       # extract, compile, check (what `make translations` runs)

The .qm files are committed so that a wheel built in an isolated environment (without PySide6's
tools) still contains them; tests/test_translations.py fails when a .qm is stale or a German
string is unfinished. See docs/translating.md.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SOURCES = ROOT / "trustframe" / "ui"
#: The source language: only its plural forms ("%n vendor(s)" -> "1 vendor", "2 vendors") are translated.
SOURCE_LANGUAGE = "en"


def tool(name: str) -> str:
    """Path of a PySide6 tool (pyside6-lupdate, pyside6-lrelease): next to this Python first."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} was not found; install PySide6-Essentials into this environment.")
    return found


def ts_files() -> list[Path]:
    """Every GUI translation source, trustframe_<lang>.ts."""
    return sorted(FOLDER.glob("trustframe_*.ts"))


def language_of(ts: Path) -> str:
    """``de`` for trustframe_de.ts."""
    return ts.stem.split("_", 1)[1]


def source_files() -> list[str]:
    """The Python files lupdate reads: every module of the GUI layer."""
    return [str(p.relative_to(ROOT)) for p in sorted(SOURCES.rglob("*.py"))]


def extract() -> None:
    """Update every .ts from the sources; vanished strings are dropped, translations kept."""
    for ts in ts_files():
        args = [tool("pyside6-lupdate"), *source_files(), "-no-obsolete", "-locations", "none",
                "-target-language", language_of(ts), "-ts",
                str(ts.relative_to(ROOT))]
        if language_of(ts) == SOURCE_LANGUAGE:
            args.insert(-2, "-pluralonly")
        subprocess.run(args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def compile_qm(ts: Path, qm: Path) -> None:
    """Compile one .ts to ``qm`` with pyside6-lrelease (unfinished strings are left out)."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def compile_all() -> None:
    """Compile every .ts into the .qm next to it."""
    for ts in ts_files():
        compile_qm(ts, ts.with_suffix(".qm"))


def unfinished(ts: Path) -> list[str]:
    """Source texts of ``ts`` without a finished translation (every numerus form filled)."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(source)
            continue
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.findall("numerusform")]
            if not forms or not all(f.strip() for f in forms):
                missing.append(source)
        elif not (translation.text or "").strip():
            missing.append(source)
    return missing


def check() -> int:
    """Print the unfinished strings per language; the number of unfinished strings overall."""
    total = 0
    for ts in ts_files():
        missing = unfinished(ts)
        count = sum(1 for _ in ET.parse(ts).getroot().iter("message"))
        print(f"{ts.name}: {count - len(missing)} of {count} finished")
        for source in missing:
            print(f"  unfinished: {source!r}")
        total += len(missing)
    return total


#: Pseudo-translation: accented letters, wrapped in markers, about 30 % longer, so a test can see
#: any text that bypassed tr() (no markers) and any label too narrow for longer languages.
PSEUDO_OPEN, PSEUDO_CLOSE = "\u27e6", "\u27e7"
_ACCENTS = str.maketrans("aeiouyAEIOUYcnCN", "\u00e1\u00e9\u00ed\u00f3\u00fa\u00fd\u00c1\u00c9\u00cd\u00d3\u00da\u00dd\u00e7\u00f1\u00c7\u00d1")
# Placeholders, HTML tags, entities and accelerators are kept as they are.
_KEEP = re.compile(r"%L?\d|%n|%p|\{[^}]*\}|<[^>]+>|&[a-zA-Z]+;|&&|&(?=\w)")


def pseudo(text: str) -> str:
    """The pseudo-translation of one source text."""
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out.append(text[last:match.start()].translate(_ACCENTS))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].translate(_ACCENTS))
    body = "".join(out)
    if "\n" in body:  # keep multi-line layout: mark each line
        return "\n".join(pseudo(line) if line.strip() else line for line in text.split("\n"))
    padding = "~" * max(1, round(len(text) * 0.3))
    return f"{PSEUDO_OPEN}{body}{padding}{PSEUDO_CLOSE}"


def write_pseudo(source: Path, target: Path) -> None:
    """A pseudo-translated copy of ``source`` (a .ts), every message finished."""
    tree = ET.parse(source)
    for message in tree.getroot().iter("message"):
        text = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            translation.text = None
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = pseudo(text.replace("(s)", ""))
        else:
            translation.text = pseudo(text)
    tree.write(target, encoding="utf-8", xml_declaration=True)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "all"
    if command == "extract":
        extract()
    elif command == "compile":
        compile_all()
    elif command == "check":
        return 1 if check() else 0
    elif command == "all":
        extract()
        compile_all()
        return 1 if check() else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
