"""Regression guard for issue 21 (a workspace deleted by a failed open): every call in
``trustframe/`` that deletes, truncates, replaces or overwrites a file must be justified.

A call passes when a comment on its line or on one of the few lines above it says why it is safe
(whose file it is and why nothing the user made can be lost), or when it is listed in
:data:`REVIEWED` below with that reason. A new deletion anywhere fails this test until someone
has written down why it cannot remove a workspace.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "trustframe"

#: Calls that remove or clobber a file (or could, when pointed at a workspace).
DANGEROUS = re.compile(
    r"""\.unlink\(|\bos\.remove\(|\bos\.unlink\(|\brmtree\(|\.rmdir\(|\.truncate\(|\bos\.replace\(|"""
    r"""\bshutil\.move\(|\.rename\(|\bO_TRUNC\b|write_bytes\(b['"]{2}\)|"""
    r"""\bopen\([^)]*['"]w[b+]?['"]|\.open\(\s*['"]w[b+]?['"]"""
)
#: Calls that merely share a name with a file operation (evidence links are rows, not files).
NOT_FILES = re.compile(r"def unlink\b|\.unlink\(self\.assessment_id|service\.unlink\(|"
                       r"Repository\(session\)\.unlink\(|_button|unlink_evidence|evidence\.unlink\(")

#: Reviewed calls in modules that are not about workspaces, by their source line (stripped).
REVIEWED: dict[str, str] = {
    # Reports are written to a temporary file made by mkstemp in the target folder and renamed
    # over the chosen report file when complete; the temporary is removed on failure. Neither
    # can be a workspace: the target is a .pdf/.xlsx the user chose, the temporary is ours.
    "os.replace(self.temp, self.target)": "report: atomic rename of a finished report over the chosen file",
    "self.temp.unlink(missing_ok=True)": "report: our own mkstemp temporary, removed after a failure",
    # The vendor workbook export follows the same pattern with its own mkstemp temporary.
    "os.replace(tmp_name, path)": "export: atomic rename of a finished .xlsx over the chosen file",
    "Path(tmp_name).unlink(missing_ok=True)": "export: our own mkstemp temporary, removed after a failure",
    # The crosswalk CSV is written to its own ".~NAME.tmp" next to the chosen file, then renamed.
    'with tmp.open("w", encoding="utf-8-sig", newline="") as fh:': "crosswalk: writes its own temporary file",
}

_COMMENT = re.compile(r"#\s*\S")


def _docstring_lines(source: str) -> set[int]:
    """Line numbers of docstrings (they describe calls; they do not make them)."""
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                lines.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return lines


def _occurrences() -> list[tuple[Path, int, str, list[str]]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        docstrings = _docstring_lines(source)
        for number, line in enumerate(lines, start=1):
            if number in docstrings:
                continue
            code = line.split("#", 1)[0]
            if DANGEROUS.search(code) and not NOT_FILES.search(code):
                found.append((path, number, line.strip(), lines[max(0, number - 5):number]))
    return found


def test_every_file_deletion_in_the_package_is_justified() -> None:
    unjustified = []
    for path, number, line, context in _occurrences():
        if line in REVIEWED:
            continue
        if any(_COMMENT.search(text) for text in context):
            continue
        unjustified.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line}")
    assert unjustified == [], ("file deletions without a comment saying why they cannot lose a workspace:\n"
                               + "\n".join(unjustified))


def test_the_guard_sees_deletions() -> None:
    """The patterns must catch the call that deleted workspaces before (and its relatives)."""
    for call in ("path.unlink()", "os.remove(path)", "shutil.rmtree(folder)", "open(path, 'w')",
                 "path.open('wb')", "os.replace(a, b)", "fh.truncate(0)", "shutil.move(a, b)"):
        assert DANGEROUS.search(call), call
    assert not DANGEROUS.search("self._s.evidence.link(1, 'Q', 2)")
    # The storage layer deletes only its own temporary files, side files and old backups.
    storage = [(p.name, line) for p, _n, line, _c in _occurrences() if p.parent.name == "storage"]
    assert storage, "expected the storage layer's few justified deletions to be found"
    assert all("path.unlink()" != line for _name, line in storage)
