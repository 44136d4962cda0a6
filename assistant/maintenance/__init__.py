"""Keeping the local store healthy: checks, backups, restore, logs (no Qt)."""
