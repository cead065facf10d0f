"""Loads the desk's translation and Qt's own, and keeps both alive."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from agent_desk.ui.paths import translations_dir

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
PSEUDO = "pseudo"
"""A test language: every string longer and bracketed, to catch clipped layouts."""


class PseudoTranslator(QTranslator):
    """Pseudo-localisation: ~40 % longer, accented, bracketed text, keeping %1 and &."""

    ACCENTS = str.maketrans("aeiouAEIOU", "àéîõüÀÉÎÕÜ")

    def translate(self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1) -> str:
        if not source_text:
            return source_text
        padding = "·" * max(2, len(source_text) * 2 // 5)
        return f"[{source_text.translate(self.ACCENTS)} {padding}]"


def resolve_language(requested: str) -> str:
    """'' means the system language; anything Chinese maps to zh_CN, the rest to English."""
    name = requested or QLocale.system().name()
    return "zh_CN" if name.lower().startswith("zh") else "en"


class Translations:
    """Owns the QTranslators: a translator that is garbage-collected stops translating."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, requested: str) -> str:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        if requested == PSEUDO:
            pseudo = PseudoTranslator(self._app)
            self._app.installTranslator(pseudo)
            self._installed.append(pseudo)
            self.language = PSEUDO
            return self.language
        self.language = resolve_language(requested)
        if self.language == "en":
            return self.language
        ours = QTranslator(self._app)
        if ours.load(str(translations_dir() / f"agent_desk_{self.language}.qm")):
            self._app.installTranslator(ours)
            self._installed.append(ours)
        qt = QTranslator(self._app)
        if qt.load(QLocale(self.language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._app.installTranslator(qt)
            self._installed.append(qt)
        return self.language
