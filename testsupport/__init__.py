"""What the tests and the benchmarks share, outside the installed app.

``postgres``: a throwaway PostgreSQL server for team sync; ``records``: sample call
records written straight into a store; ``loadtest``: a team of agents syncing with
one server while it restarts and drops connections.

Importable from the repository root: ``pytest`` puts the root on ``sys.path``
(``pythonpath`` in pyproject.toml) and ``benchmarks/run.py`` does the same. Not in
the wheel, which holds ``assistant`` only.
"""
