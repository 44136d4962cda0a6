"""The panel's language: which translations to install, and the locale for dates.

The ``language`` setting is ``""`` (follow the system), ``"zh-Hans"``, ``"zh-Hant"``
or ``"en"``; other locale names (``zh_HK``, ``en-GB``) are understood too. Whatever
is asked for comes down to one of the shipped catalogues,
``resources/i18n/agent-assist_<zh_CN|zh_TW|en>.qm``, plus Qt's own ``qtbase_*.qm``
when PySide6 ships it, and ``QLocale.setDefault`` so dates and times the UI formats
follow the same language. Installed once at start-up: changing the setting takes
effect at the next start.

Qt's catalogue lags behind Qt's code: the file dialog's "&Look in:" and "Files of
&type:" gained their ``&`` after it was translated, and the file types of its detail
view ("Folder") moved to a context it has no entries for; and its zh_CN file size
column reads 体积 (volume). These are in a small hand-kept
``resources/i18n/qt-supplement_<zh_CN|zh_TW>.ts``, installed after qtbase so that it
wins where both answer.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from assistant.paths import resources_dir

log = logging.getLogger(__name__)

CATALOGUE = "agent-assist"
QT_SUPPLEMENT = "qt-supplement"

# Setting value -> native name, in the order the settings dialog offers them.
# Native names are never translated: an agent must find their language in any UI.
LANGUAGES: dict[str, str] = {
    "zh-Hans": "简体中文",
    "zh-Hant": "繁體中文",
    "en": "English",
}

# Setting value -> the suffix of its .qm files (Qt's locale names).
_CATALOGUES: dict[str, str] = {"zh-Hans": "zh_CN", "zh-Hant": "zh_TW", "en": "en"}

_TRADITIONAL_TERRITORIES = {
    QLocale.Country.Taiwan,
    QLocale.Country.HongKong,
    QLocale.Country.Macao,
}


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def _match(locale: QLocale) -> str | None:
    """The shipped language for one locale, or None when we have none for it."""
    if locale.language() == QLocale.Language.Chinese:
        script = locale.script()
        if script == QLocale.Script.TraditionalHanScript:
            return "zh-Hant"
        if script == QLocale.Script.SimplifiedHanScript:
            return "zh-Hans"
        return "zh-Hant" if locale.territory() in _TRADITIONAL_TERRITORIES else "zh-Hans"
    if locale.language() == QLocale.Language.English:
        return "en"
    return None


def system_language(system: QLocale | None = None) -> str:
    """The shipped language closest to the system's preferences; English if none fits.

    The system may list several (``LANGUAGE=de:zh_TW``): the first one we ship wins.
    """
    system = system if system is not None else QLocale.system()
    for name in [*system.uiLanguages(), system.name()]:
        found = _match(QLocale(name))
        if found is not None:
            return found
    return "en"


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """``"zh-Hans"``, ``"zh-Hant"`` or ``"en"`` for a ``language`` setting."""
    wanted = setting.strip()
    if not wanted:
        return system_language(system)
    if wanted in LANGUAGES:
        return wanted
    found = _match(QLocale(wanted.replace("-", "_")))
    if found is None:
        log.warning("language %r is not shipped; following the system", wanted)
        return system_language(system)
    return found


def canonical_locale(language: str) -> QLocale:
    if language == "zh-Hans":
        return QLocale(
            QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript, QLocale.Country.China
        )
    if language == "zh-Hant":
        return QLocale(
            QLocale.Language.Chinese, QLocale.Script.TraditionalHanScript, QLocale.Country.Taiwan
        )
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def formatting_locale(language: str, setting: str = "", system: QLocale | None = None) -> QLocale:
    """The locale dates and numbers are written in.

    A locale named in the setting (``en_GB``, ``zh_HK``) if it speaks ``language``,
    else the system's own when it does (an en_GB or zh_HK desktop keeps its
    formats), else the language's usual one.
    """
    wanted = setting.strip()
    if wanted and wanted not in LANGUAGES:
        requested = QLocale(wanted.replace("-", "_"))
        if _match(requested) == language:
            return requested
    system = system if system is not None else QLocale.system()
    if _match(system) == language:
        return system
    return canonical_locale(language)


class Translations:
    """What :func:`install_translations` installed."""

    def __init__(self, language: str, locale: QLocale) -> None:
        self.language = language
        self.locale = locale
        self.translators: list[QTranslator] = []
        self.files: list[str] = []

    def summary(self) -> str:
        """What the panel's log notes once it is up."""
        loaded = ", ".join(Path(f).name for f in self.files) or "none"
        language, dates = self.language, self.locale.name()
        return f"interface language {language}, dates as {dates}; catalogues: {loaded}"

    def remove(self) -> None:
        """Take the translators out again (tests, screenshots of several languages)."""
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()


def install_translations(
    app: QCoreApplication, setting: str = "", *, system: QLocale | None = None
) -> Translations:
    """Install the app's and Qt's translations for ``setting``; set the default locale.

    Call before any widget is made: widgets translate their texts when built.
    """
    language = resolve_language(setting, system)
    locale = formatting_locale(language, setting, system)
    QLocale.setDefault(locale)
    installed = Translations(language, locale)
    suffix = _CATALOGUES[language]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(translations_dir())
    # Installed last, asked first: the supplement's answers win over qtbase's.
    for folder, name in ((qt_dir, "qtbase"), (ours, QT_SUPPLEMENT), (ours, CATALOGUE)):
        path = Path(folder, f"{name}_{suffix}.qm")
        translator = QTranslator(app) if path.is_file() else None
        if translator is not None and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            installed.translators.append(translator)
            installed.files.append(str(path))
        elif name == CATALOGUE:
            log.warning("no translations for %s at %s", language, path)
    return installed
