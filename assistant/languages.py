"""The languages phrases, dates and handoffs are written in, and how a locale or
language name reads as one of them. No imports: anything may use it."""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("zh-Hans", "zh-Hant", "en")


def pack_language(name: str) -> str:
    """The pack language a locale or language name reads in (zh_CN, zh-TW, en-GB,
    zh-Hant...), or "" when it is none of ours."""
    lang = name.strip().replace("_", "-").lower()
    if lang.startswith("zh"):
        traditional = any(tag in lang for tag in ("hant", "-tw", "-hk", "-mo"))
        return "zh-Hant" if traditional else "zh-Hans"
    return "en" if lang == "en" or lang.startswith("en-") else ""
