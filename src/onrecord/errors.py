"""The error catalogue. Every error a user can cause has a number, a one-line message and exit 2.

Numbers are stable so that docs, issues and scripts can refer to them (as spaCy's E-codes do).
"""

from __future__ import annotations


class OnrecordError(Exception):
    """Base of every error onrecord raises on purpose. ``str(err)`` is the one-line message."""

    code = "E000"
    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(OnrecordError):
    """A file or text the user gave cannot be read or used."""

    code = "E100"


class UnsupportedFormatError(InputError):
    code = "E101"


class EmptyDocumentError(InputError):
    code = "E102"


class EncryptedDocumentError(InputError):
    code = "E103"


class DecodeError(InputError):
    code = "E104"


class UsageError(OnrecordError):
    """The command line or API was called in a way that cannot work."""

    code = "E200"


class ModelError(OnrecordError):
    """The shipped model is missing or broken (an installation problem, not the user's input)."""

    code = "E300"
    exit_code = 3
