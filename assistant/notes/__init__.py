"""Call records and follow-ups: fields, validation, storage, import and export (no Qt)."""
