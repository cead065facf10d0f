"""build_installer.spec ships every file the desk loads at run time (cheap: no PyInstaller run)."""

from __future__ import annotations

import ast
import fnmatch
from pathlib import Path

from agent_desk.ui.notifier import Cue
from agent_desk.ui.paths import project_root
from agent_desk.ui.smoke import SOUND_FILES, bundled_files

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build_installer.spec"


def spec_datas() -> list[tuple[str, str]]:
    """The DATAS list of the spec, read as Python literals (the spec itself needs PyInstaller to run)."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "DATAS" for t in node.targets):
            return [tuple(pair) for pair in ast.literal_eval(node.value)]
    raise AssertionError("build_installer.spec has no DATAS list")


def shipped(relative: Path, datas: list[tuple[str, str]]) -> bool:
    """True when a DATAS entry puts this file at the same place inside the bundle."""
    return any(
        fnmatch.fnmatch(relative.as_posix(), source) and relative.parent.as_posix() == target
        for source, target in datas
    )


def test_every_file_the_desk_loads_is_in_the_spec_datas() -> None:
    datas = spec_datas()
    loaded = [path.relative_to(project_root()) for path in bundled_files()]
    assert loaded, "the desk loads no files? bundled_files() lost its sources"
    assert [str(path) for path in loaded if not shipped(path, datas)] == []


def test_every_spec_datas_pattern_matches_files_of_the_checkout() -> None:
    for source, _target in spec_datas():
        if source.endswith(".qm"):
            continue  # built by `make translations`, which `make test` and `make installer` run first
        assert list(ROOT.glob(source)), f"{source} matches nothing"


def test_a_missing_entry_is_caught() -> None:
    datas = [(source, target) for source, target in spec_datas() if "sounds" not in source]
    assert not shipped(Path("resources/sounds/new_chat.wav"), datas)
    assert shipped(Path("resources/sounds/new_chat.wav"), spec_datas())


def test_the_smoke_test_looks_for_every_sound_cue() -> None:
    assert sorted(SOUND_FILES) == sorted(cue.value for cue in Cue)
