"""No import cycles between the modules of ``trustframe`` (issue 20).

The import graph is read from the source with :mod:`ast` (nothing is imported). Each import is one
of three kinds, counted separately:

* **top-level**: runs when the module is imported (module body, class bodies, ``try``/``if`` at the
  top). A cycle through top-level imports fails: which module finishes first depends on which one
  is imported first, and a name used before its module has finished is an ``ImportError``.
* **lazy**: inside a function, run when the function is called. A lazy import may close a cycle
  only with a comment (on its line or the line above) saying why it is lazy.
* **annotation-only**: under ``if TYPE_CHECKING:``; never run (every module has
  ``from __future__ import annotations``), so it is not an edge of the graph. The typed service
  boundary (``Services`` and the services it builds) uses these on purpose.

Importing ``a.b.c`` also runs the ``__init__`` of ``a`` and ``a.b``, so those count as imported too
(except for the importer's own packages, which were imported before it).
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "trustframe"


@dataclass(frozen=True)
class Edge:
    importer: str
    imported: str
    lazy: bool
    line: int


def _module_names(package: Path) -> dict[str, Path]:
    names = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.Module) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import that runs, with True when it is inside a function (lazy)."""

    def walk(node: ast.AST, lazy: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:  # the else branch of "if TYPE_CHECKING" does run
                    yield from walk(ast.Module(body=[other], type_ignores=[]), lazy)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                yield child, lazy
            yield from walk(child, lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    yield from walk(tree, False)


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool, known: Mapping[str, Path]) -> set[str]:
    """The modules of the package that running ``node`` in ``module`` imports (parents included)."""
    if isinstance(node, ast.Import):
        wanted = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            anchor = module.split(".") if is_package else module.split(".")[:-1]
            anchor = anchor[: len(anchor) - node.level + 1]
            base = ".".join(anchor + ([base] if base else []))
        # "from a.b import c": c is a module (a.b.c) or a name of a.b
        wanted = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
    found = set()
    for name in wanted:
        parts = name.split(".")
        for end in range(1, len(parts) + 1):
            candidate = ".".join(parts[:end])
            # the importer's own packages were imported before it: not an edge
            if candidate in known and candidate != module and not module.startswith(candidate + "."):
                found.add(candidate)
    return found


def import_graph(package: Path) -> tuple[list[Edge], dict[str, set[int]]]:
    """(edges, lines with a comment per module) of the package at ``package``."""
    known = _module_names(package)
    edges: list[Edge] = []
    commented: dict[str, set[int]] = {}
    for module, path in known.items():
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, str(path))
        commented[module] = {token.start[0] for token in tokenize.generate_tokens(io.StringIO(source).readline)
                             if token.type == tokenize.COMMENT}
        for node, lazy in _imports(tree):
            for target in _targets(node, module, path.name == "__init__.py", known):
                edges.append(Edge(module, target, lazy, node.lineno))
    return edges, commented


def cycles(edges: list[Edge]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        graph.setdefault(edge.importer, set()).add(edge.imported)
        graph.setdefault(edge.imported, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def problems(package: Path) -> list[str]:
    """Every top-level cycle, and every lazy import inside a cycle without a comment saying why."""
    edges, commented = import_graph(package)
    found = [f"top-level import cycle: {' <-> '.join(group)}" for group in cycles([e for e in edges if not e.lazy])]
    for group in cycles(edges):
        members = set(group)
        for edge in edges:
            if edge.lazy and edge.importer in members and edge.imported in members \
                    and not {edge.line, edge.line - 1} & commented[edge.importer]:
                found.append(f"{edge.importer}:{edge.line}: the lazy import of {edge.imported} closes the cycle "
                             f"{' <-> '.join(group)}; say why it is lazy in a comment (or break the cycle)")
    return found


def test_trustframe_has_no_import_cycles() -> None:
    assert problems(PACKAGE) == []


def test_the_graph_sees_the_imports_of_trustframe() -> None:
    # The check can only be trusted if it reads the real imports: a few edges that must be there.
    edges, _commented = import_graph(PACKAGE)
    seen = {(e.importer, e.imported, e.lazy) for e in edges}
    assert ("trustframe.reports.parallel", "trustframe.reports.layout", False) in seen
    assert ("trustframe.reports.pdf", "trustframe.reports.parallel", True) in seen
    assert ("trustframe.services.context", "trustframe.storage.database", False) in seen
    # annotation-only: services/context names the services it builds under TYPE_CHECKING
    assert not any(e.importer == "trustframe.services.scoring" and e.imported == "trustframe.services.context"
                   and not e.lazy for e in edges)


def _write(root: Path, files: Mapping[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pkg"


@pytest.mark.parametrize(("files", "expected"), [
    # a top-level cycle, through a relative import and an "from a import b" of a module
    ({"pkg/__init__.py": "", "pkg/a.py": "from pkg import b\n", "pkg/b.py": "from . import a\n"},
     ["top-level import cycle: pkg.a <-> pkg.b"]),
    # a lazy import closing a cycle without a comment
    ({"pkg/__init__.py": "", "pkg/a.py": "import pkg.b\n",
      "pkg/b.py": "def f():\n    import pkg.a\n"},
     ["pkg.b:2: the lazy import of pkg.a closes the cycle pkg.a <-> pkg.b; say why it is lazy in a comment "
      "(or break the cycle)"]),
    # ... with a comment it is allowed
    ({"pkg/__init__.py": "", "pkg/a.py": "import pkg.b\n",
      "pkg/b.py": "def f():\n    # lazy: pkg.a imports this module at the top\n    import pkg.a\n"}, []),
    # annotation-only imports are not edges
    ({"pkg/__init__.py": "",
      "pkg/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import B\n",
      "pkg/b.py": "from pkg.a import A\n"}, []),
    # a package __init__ runs when one of its modules is imported
    ({"pkg/__init__.py": "from pkg.sub.x import X\n", "pkg/sub/__init__.py": "", "pkg/sub/x.py": "import pkg.y\n",
      "pkg/y.py": "X = 1\n"}, []),
    ({"pkg/__init__.py": "", "pkg/sub/__init__.py": "from pkg.y import Y\n", "pkg/sub/x.py": "",
      "pkg/y.py": "import pkg.sub.x\n"}, ["top-level import cycle: pkg.sub <-> pkg.y"]),
])
def test_the_check_finds_cycles(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    assert problems(_write(tmp_path, files)) == expected
