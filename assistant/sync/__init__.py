"""Team sync with a shared PostgreSQL server: records up, team packs down (no Qt)."""
