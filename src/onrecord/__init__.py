"""onrecord: check what a text says about its sources against the sources themselves.

    >>> import onrecord
    >>> report = onrecord.check(article_text, {"letter": letter_text})
    >>> [c.label for c in report.claims]

Heavy pieces (ONNX Runtime, the model) load on first use, not on import.

What ``check`` accepts is checked once, at the boundary (``onrecord.inputs``): text as ``str``,
``bytes`` (decoded as files are) or a ``Document``; lone surrogates and NUL characters are refused
with a ``DecodeError``, wrong types with a ``UsageError``. Every error is an ``OnrecordError`` with a
catalogue code (``onrecord.errors.Errors``).
"""

from __future__ import annotations

from onrecord.documents import Document, from_text
from onrecord.errors import InputError, ModelError, OnrecordError, UsageError
from onrecord.report import Attribution, ClaimResult, DiffOp, Evidence, QuoteResult, Report, SourceInfo

__version__ = "0.1.0"

__all__ = [
    "Attribution", "Checker", "ClaimResult", "DiffOp", "Document", "Evidence", "InputError", "ModelError",
    "OnrecordError", "QuoteResult", "Report", "SourceInfo", "UsageError", "check", "check_many", "from_text",
    "load",
]


def __getattr__(name: str):
    # Lazy so that `import onrecord` stays cheap (the CLI's --help, the server's import).
    if name in ("check", "Checker"):
        from onrecord import pipeline

        return getattr(pipeline, name)
    if name == "check_many":  # onrecord/batch/api.py
        from onrecord.batch.api import check_many

        return check_many
    if name == "load":
        from onrecord.documents import load

        return load
    raise AttributeError(name)
