"""The words agents use for a playbook category, in every pack language.

A query that names a category (投诉, ts, complaint...) puts that category's entries
first among equally good matches: an agent typing 投诉 means the complaint steps
before the other entries that merely mention complaints.
"""

from __future__ import annotations

from assistant.playbooks.textfold import fold, within_distance

# Simplified Chinese (Traditional queries fold to it), English, pinyin, initials.
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "opening": ("开场", "开场白", "opening", "kaichang", "kc"),
    "closing": ("结束", "收尾", "结束语", "closing", "jieshu", "shouwei"),
    "questioning": ("提问", "问法", "questioning", "questions", "tiwen"),
    "confirming": ("确认", "复述", "confirming", "restate", "queren", "fushu"),
    "jargon": ("术语", "行话", "jargon", "shuyu"),
    "de_escalation": ("安抚", "降温", "de-escalation", "deescalation", "anfu"),
    "sandwich": ("三明治", "三明治法则", "sandwich", "sanmingzhi", "smz"),
    "complaint": ("投诉", "客诉", "投诉处理", "complaint", "complaints", "tousu", "ts", "kesu"),
    "crisis": ("危机", "危机公关", "crisis", "weiji"),
    "commitment": ("承诺", "commitment", "commitments", "promise", "promises", "chengnuo"),
    "handoff": ("交接", "转接", "handoff", "handover", "transfer", "jiaojie", "zhuanjie", "zj"),
    "written_reply": ("书面回复", "邮件", "written reply", "email", "youjian"),
    "objection": ("异议", "objection", "objections", "yiyi"),
    "proactive_care": ("主动关怀", "关怀", "proactive care", "guanhuai"),
    "cross_cultural": ("跨文化", "cross-cultural", "cross cultural", "kuawenhua"),
    "taboo": ("禁忌", "taboo", "taboos", "jinji"),
}


def categories_named(query: str) -> frozenset[str]:
    """The categories ``query`` names: a category word itself, its start (three
    letters or more), or a long Latin word one typing slip away."""
    typed = fold(query).strip()
    if not typed:
        return frozenset()
    found = set(_EXACT.get(typed, ()))
    if len(typed) >= 3:
        found.update(c for word, c in _ALL if word.startswith(typed))
    if len(typed) >= 6 and typed.isascii():
        found.update(
            c
            for word, c in _ALL
            if word[0] == typed[0]
            and abs(len(word) - len(typed)) <= 1
            and within_distance(typed, word, 1)
        )
    return frozenset(found)


_ALL = tuple((word, category) for category, words in CATEGORY_WORDS.items() for word in words)
_EXACT: dict[str, list[str]] = {}
for _word, _category in _ALL:
    _EXACT.setdefault(_word, []).append(_category)
