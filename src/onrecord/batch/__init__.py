"""``onrecord batch`` and ``onrecord.check_many``: many (text, sources) rows, resumable, in parallel.

- ``rows``: reading JSONL / CSV / Parquet rows and turning one into documents
- ``journal``: the append-only, resumable output file
- ``local``: worker processes (one model each); ``ray_engine``: Ray Data over an actor pool
- ``run``: one batch run (ids, resume, engine, summary); ``summary``: the end-of-run counts
- ``cli``: the ``onrecord batch`` command; ``api``: ``check_many``

Imports are lazy: the CLI registers the command without loading any of this.
"""

__all__ = ["RowError", "check_many"]


def __getattr__(name: str):
    if name == "check_many":
        from onrecord.batch.api import check_many

        return check_many
    if name == "RowError":
        from onrecord.batch.rows import RowError

        return RowError
    raise AttributeError(name)
