"""The supervisor\x27s workbook: an Excel report of calls, follow-ups and promises."""
