"""The local SQLite store: connection, schema version, migrations (no Qt)."""
