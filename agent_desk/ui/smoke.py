"""``agent-desk --smoke-test``: what an installer build must manage, checked in one start.

Qt starts, the login window shows, and every file the desk reads from disk is
where agent_desk/ui/paths.py looks for it (next to the package, or in
sys._MEIPASS when frozen). build_installer.spec ships exactly ``bundled_files()``
(tests/unit/test_installer_spec.py keeps the two together).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from agent_desk.ui.i18n import LANGUAGES
from agent_desk.ui.login_dialog import LoginDialog
from agent_desk.ui.paths import resource_path, translations_dir

SOUND_FILES = ("new_chat.wav", "new_message.wav", "breach.wav")
"""The cues' files (agent_desk/ui/notifier.py Cue); a test checks the two lists agree."""


def bundled_files() -> list[Path]:
    """Every file the desk loads from disk at run time (build_installer.spec must ship them)."""
    sounds = [resource_path("sounds", name) for name in SOUND_FILES]
    return [*sounds, *(translations_dir() / f"agent_desk_{code}.qm" for code in LANGUAGES if code != "en")]


def smoke_test(app: QApplication, server: str) -> int:
    """Show the login window, look for the bundled files, print one line; 0 when all is well."""
    missing = [str(path) for path in bundled_files() if not path.is_file()]
    dialog = LoginDialog(server, "", False)
    dialog.show()
    app.processEvents()
    shown = dialog.isVisible()
    dialog.close()
    print(f"smoke test: login window {'shown' if shown else 'NOT shown'}; missing files: {missing or 'none'}")
    return 0 if shown and not missing else 1
