"""The Qt side of Agent Assist. Only this package imports PySide6.

PySide6 supports opt-in ``from __feature__ import snake_case, true_property``
switches. To know which modules could use them it reads the whole source of every
module imported after it (``inspect.getsource``) and looks for the word "PySide6":
about 25 ms and a megabyte of start-up for a panel that uses no such switch.
Modules are recorded as not taking part instead (what PySide6 records for any
module without PySide6 in its source), without reading them. Should a later
PySide6 change that machinery, the shortcut is skipped and only speed is lost.
"""

import sys

import PySide6.QtCore  # noqa: F401 - installs the import hook this module adjusts


def _not_switching(module: object) -> bool:
    return False


def _skip_feature_scan() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _not_switching  # type: ignore[attr-defined]


_skip_feature_scan()
