"""A wording as the preview shows it: the agent's text is text, never markup."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from assistant.playbooks.model import Entry, Placeholder
from assistant.ui.wording import rich_text


def test_rich_text_shows_markup_characters_and_line_breaks_as_typed() -> None:
    entry = Entry(
        id="x", title="t", category="opening", body="", placeholders=(Placeholder("n", "号码"),)
    )
    body = "Tom & Jerry <b>not bold</b> > 3\n第二行 {n}"
    html = rich_text(entry, body, {}, "#c00")

    document = QTextDocument()
    document.setHtml(html)
    shown = document.toPlainText().replace("\u2028", "\n")  # <br> reads back as U+2028
    assert shown == "Tom & Jerry <b>not bold</b> > 3\n第二行 〔号码〕"
    assert '<span style="color:#c00">〔号码〕</span>' in html
