"""The languages phrases, dates and handoffs are written in, and how a locale or
language name reads as one of them. No imports: anything may use it."""

from __future__ import annotations

from typing import Literal

LANGUAGES: tuple[str, ...] = ("zh-Hans", "zh-Hant", "en")


def pack_language(name: str) -> str:
    """The pack language a locale or language name reads in (zh_CN, zh-TW, en-GB,
    zh-Hant...), or "" when it is none of ours."""
    lang = name.strip().replace("_", "-").lower()
    if lang.startswith("zh"):
        traditional = any(tag in lang for tag in ("hant", "-tw", "-hk", "-mo"))
        return "zh-Hant" if traditional else "zh-Hans"
    return "en" if lang == "en" or lang.startswith("en-") else ""


def chinese_script(name: str) -> Literal["zh-Hans", "zh-Hant"]:
    """The Chinese script of a centre whose language is ``name``: zh-Hant for a
    Traditional one (zh-Hant, zh_TW...), else zh-Hans."""
    return "zh-Hant" if pack_language(name) == "zh-Hant" else "zh-Hans"
