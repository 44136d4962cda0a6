"""The phrasing playbook: packs, templates, dated commitments, search and lint (no Qt)."""
