"""lecturekit's layers import one way only: a module may import from its own layer and those below.

    base (errors, options, fonts, lexicon) <- model <- importers <- layout <- language <- questions
        <- deck, handouts <- stats <- pipeline <- cli

The test reads every module's imports (ast, nothing is imported) and fails on an arrow that points
the wrong way, naming the module, the line and the import.
"""

from __future__ import annotations

import ast

import pytest

from .helpers import ROOT

LAYERS = [
    (
        "base",
        ("lecturekit.errors", "lecturekit.options", "lecturekit.fonts", "lecturekit.lexicon", "lecturekit"),
    ),
    ("model", ("lecturekit.model",)),
    ("importers", ("lecturekit.importers",)),
    ("layout", ("lecturekit.layout",)),
    ("language", ("lecturekit.language",)),
    ("questions", ("lecturekit.questions",)),
    ("writers", ("lecturekit.deck", "lecturekit.handouts")),
    ("stats", ("lecturekit.stats",)),
    ("pipeline", ("lecturekit.pipeline",)),
    ("cli", ("lecturekit.cli", "lecturekit.__main__")),
]
FOLDERS = {"lecturekit": "lecturekit", "deck": "lecturekit.deck", "handouts": "lecturekit.handouts"}


def _module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    name = ".".join((FOLDERS[parts[0]], *parts[1:]))
    return name.removesuffix(".__init__")


def _layer(module: str) -> int:
    """Return the rank of the layer `module` belongs to: the longest prefix that names one."""
    best, rank = -1, None
    for number, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), number
    assert rank is not None, module
    return rank


def _imports(path, module: str):
    """Yield (line, imported module) for every lecturekit import of the file at `path`."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            # "from lecturekit.layout import highlight": the module is lecturekit.layout.highlight
            names = [f"{base}.{alias.name}" for alias in node.names] if base in _PACKAGES else [base]
        else:
            continue
        for name in names:
            if name == "lecturekit" or name.startswith("lecturekit."):
                yield node.lineno, name


_PACKAGES = {"lecturekit", *(p for _, prefixes in LAYERS for p in prefixes if p.count(".") == 1)}
SOURCES = sorted(
    path for folder in FOLDERS for path in (ROOT / folder).rglob("*.py") if "__pycache__" not in path.parts
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_imports_only_from_its_layer_and_those_below(path):
    module = _module_name(path)
    mine = _layer(module)
    upward = [
        f"line {line}: {name} ({LAYERS[_layer(name)][0]})"
        for line, name in _imports(path, module)
        if _layer(name) > mine
    ]
    assert not upward, f"{module} ({LAYERS[mine][0]}) imports upward: " + "; ".join(upward)


def test_every_module_has_a_layer_and_the_check_sees_every_kind_of_import():
    assert len(SOURCES) > 50
    for path in SOURCES:
        _layer(_module_name(path))
    seen = {name for _, name in _imports(ROOT / "deck" / "pptx_writer.py", "lecturekit.deck.pptx_writer")}
    assert "lecturekit.deck.ooxml" in seen  # from . import ooxml
    assert "lecturekit.layout.highlight" in seen  # from lecturekit.layout import highlight
    assert "lecturekit.deck.theme" in seen  # from .theme import ...
    assert (
        _layer("lecturekit.model.reader") < _layer("lecturekit.language.keypoints") < _layer("lecturekit.cli")
    )
