"""The error catalogue: every error a user can cause has a code, a one-line message, an exit status
and an HTTP status, in one place used by the CLI, the Python API and the service alike.

Codes are stable so that docs, issues and scripts can refer to them (as spaCy's E-codes do).
Raise one as::

    raise InputError(Errors.E110.format(name=name))      # the class says what kind of error
    raise Errors.E110.error(name=name)                     # the same, the catalogue picks the class

``str(err)`` is ``"[E110] name: no such file"``; ``err.exit_code``, ``err.http_status`` and
``err.api_code`` (the service's JSON ``code``) come from the catalogue entry. An error raised with a
free-text message (``InputError("...")``) gets its class's defaults (E100 for ``InputError``).

Exit statuses: 0 nothing found, 1 findings, 2 bad input or usage, 3 installation problem (the model),
4 an internal error (a bug: please report it; ``--debug`` shows the traceback).
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INSTALL = 3
EXIT_INTERNAL = 4


class OnrecordError(Exception):
    """Base of every error onrecord raises on purpose. ``str(err)`` is the one-line message."""

    code = "E000"
    exit_code = EXIT_INPUT
    http_status = 422
    api_code = "invalid_input"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        spec = getattr(message, "spec", None)
        if isinstance(spec, ErrorMsg):  # a catalogue message: its code and statuses win
            self.code = spec.code
            self.exit_code = spec.exit_code
            self.http_status = spec.http_status
            self.api_code = spec.api_code
        self.message = str(message)

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(OnrecordError):
    """A file or text the user gave cannot be read or used."""

    code = "E100"
    api_code = "unreadable_input"


class UnsupportedFormatError(InputError):
    code = "E101"
    http_status = 415
    api_code = "unsupported_format"


class EmptyDocumentError(InputError):
    code = "E102"


class EncryptedDocumentError(InputError):
    code = "E103"


class DecodeError(InputError):
    code = "E104"


class TooLargeError(InputError):
    """An input over one of the limits (characters, bytes, archive members, sources)."""

    code = "E130"
    http_status = 413
    api_code = "document_too_large"


class UsageError(OnrecordError):
    """The command line or API was called in a way that cannot work."""

    code = "E200"
    api_code = "invalid_request"


class ModelError(OnrecordError):
    """The shipped model is missing or broken (an installation problem, not the user's input)."""

    code = "E300"
    exit_code = EXIT_INSTALL
    http_status = 503
    api_code = "model_unavailable"


class ServiceError(OnrecordError):
    """The service refuses or cannot finish a request (budget, saturation, Host, Origin, token)."""

    code = "E400"
    http_status = 400
    api_code = "bad_request"


class CheckCancelled(OnrecordError):
    """A check stopped before it finished: its deadline passed or its caller cancelled it."""

    code = "E401"
    http_status = 503
    api_code = "time_budget_exceeded"


class Message(str):
    """A formatted catalogue message: a ``str`` that remembers its entry."""

    spec: ErrorMsg


@dataclass(frozen=True)
class ErrorMsg:
    """One catalogue entry: a message template with its code, statuses and exception class."""

    code: str
    template: str
    kind: type[OnrecordError] = InputError
    exit_code: int = EXIT_INPUT
    http_status: int = 422
    api_code: str = "unreadable_input"

    def format(self, **fields: object) -> Message:
        msg = Message(self.template.format(**fields))
        msg.spec = self
        return msg

    def error(self, **fields: object) -> OnrecordError:
        return self.kind(self.format(**fields))


def _e(code: str, template: str, kind: type[OnrecordError] = InputError, *, exit_code: int = EXIT_INPUT,
       http: int = 422, api: str = "unreadable_input") -> ErrorMsg:
    return ErrorMsg(code, template, kind, exit_code, http, api)


_U, _E, _D, _T, _X = UsageError, EmptyDocumentError, DecodeError, TooLargeError, UnsupportedFormatError


class Errors:
    """The catalogue. E1xx: inputs; E2xx: usage; E3xx: installation; E4xx: the service; E9xx: bugs."""

    # Files: opening and reading
    E110 = _e("E110", "{name}: no such file", api="no_such_file")
    E111 = _e("E111", "{name}: cannot be read (permission denied)", api="permission_denied")
    E112 = _e("E112", "{name}: cannot be read ({reason})")
    E113 = _e("E113", "{name}: is a directory, not a file")
    E114 = _e("E114", "{name}: is not a regular file")
    # Empty inputs
    E120 = _e("E120", "{name}: is empty (0 bytes)", _E)
    E121 = _e("E121", "{name}: {what}", _E)
    E122 = _e("E122", "the text to check is empty", _U, api="empty_text")
    E123 = _e("E123", "source {sid!r} is empty", _U, api="empty_source")
    E124 = _e("E124", "no sources given: there is nothing to check the text against", _U, api="no_sources")
    E125 = _e("E125", "two sources have the id {sid!r}; ids must differ", _U, api="duplicate_source_id")
    # Decoding and formats
    E140 = _e("E140", "{name}: has binary content{where}; it is not a text file", _X, http=415,
              api="unsupported_format")
    E141 = _e("E141", "{name}: starts with a {enc} byte order mark but is not valid {enc} at byte {at}", _D)
    E104 = _e("E104", "{name}: is not valid UTF-8 at byte {at} (line {line}, byte 0x{byte:02X}); it may be "
              "Latin-1 or Windows-1252: re-save it as UTF-8", _D)
    E143 = _e("E143", "{name}: contains a lone surrogate (U+{cp:04X}) at character {at}; it is not valid "
              "Unicode text", _D, api="invalid_text")
    E144 = _e("E144", "{name}: {what}", _X, http=415, api="unsupported_format")
    E145 = _e("E145", "{name}: is not a valid .docx or is damaged ({reason})")
    E146 = _e("E146", "{name}: is not a valid PDF or is damaged ({reason})")
    E147 = _e("E147", "{name}: cannot be parsed as HTML ({reason})")
    E148 = _e("E148", "{name}: {what}", EncryptedDocumentError)
    E149 = _e("E149", "{name}: declares XML entities (<!ENTITY>), which Word never writes; onrecord does not "
              "expand them: save the file again from a word processor")
    E150 = _e("E150", "{name}: no text could be extracted from any page ({reason})")
    E151 = _e("E151", "{name}: {what} contains a NUL character (at {at}); it is not text", _D,
              api="invalid_text")
    # Limits (413 on the service)
    E130 = _e("E130", "{what} has more than {limit:,} characters; the limit is {limit:,} characters per "
              "document{hint}", _T, http=413, api="document_too_large")
    E131 = _e("E131", "{name}: unpacks to more than {limit:,} bytes (at part {member}; the limit for one archive"
              "{hint}); a decompression bomb or an unusually large document", _T, http=413, api="document_too_large")
    E136 = _e("E136", "{name}: page {page} unpacks to more than {limit:,} bytes (the cap per PDF stream); a "
              "decompression bomb or a damaged file", _T, http=413, api="document_too_large")
    E132 = _e("E132", "{n} sources sent; the limit is {limit}", _T, http=413, api="too_many_sources")
    E133 = _e("E133", "{what}; the limit is {limit} per request", _T, http=413, api="request_too_large")
    E134 = _e("E134", "{name}: is {size}; the limit is {limit} per file{hint}", _T, http=413,
              api="document_too_large")
    E135 = _e("E135", "{what} is nested {depth} levels deep; the limit is {limit}", _U, http=422,
              api="invalid_json")
    # Usage (the API and the command line)
    E201 = _e("E201", "{what} must be {expected}, not {got}", _U, api="invalid_request")
    E202 = _e("E202", "--output {name}: folder {folder} does not exist", _U, api="invalid_request")
    E203 = _e("E203", "--output {name}: is a directory", _U, api="invalid_request")
    E204 = _e("E204", "--output {name}: cannot write ({reason})", _U, api="invalid_request")
    E205 = _e("E205", "{message}", _U, api="invalid_request")
    E206 = _e("E206", "--source {spec!r}: the id before '=' is empty", _U, api="invalid_request")
    E207 = _e("E207", "--device {device!r}: use auto, cpu or gpu", _U, api="invalid_request")
    E208 = _e("E208", "{name}:{line}: {reason}", InputError)
    E209 = _e("E209", "a server bound to {host} needs a token: pass --token or set ONRECORD_TOKEN", _U,
              api="invalid_request")
    E211 = _e("E211", "stdout: cannot write ({reason})", _U, api="invalid_request")
    # Installation
    E300 = _e("E300", "{message}", ModelError, exit_code=EXIT_INSTALL, http=503, api="model_unavailable")
    # The service
    E401 = _e("E401", "the check did not finish within the time budget of {budget:g} s; send a shorter text "
              "or fewer or shorter sources, or try again when the service is less busy", CheckCancelled,
              http=503, api="time_budget_exceeded")
    E402 = _e("E402", "the service is busy ({queue} checks waiting, the limit is {limit}); try again shortly",
              ServiceError, http=503, api="busy")
    E403 = _e("E403", "Host {host!r} is not one this service answers to; allowed: {allowed}", ServiceError,
              http=421, api="host_not_allowed")
    E404 = _e("E404", "cross-site request refused: Origin {origin!r} is not this service's", ServiceError,
              http=403, api="cross_site_request")
    E405 = _e("E405", "a token is required: send 'Authorization: Bearer TOKEN' or open the page as "
              "/?token=TOKEN once", ServiceError, http=401, api="token_required")
    E406 = _e("E406", "the request body is not valid JSON: {reason}", UsageError, api="invalid_json")
    E407 = _e("E407", "send {expected}, not {got}", ServiceError, http=415, api="unsupported_media_type")
    E408 = _e("E408", "{message}", UsageError, api="invalid_request")
    E409 = _e("E409", "expected a report object with sources, claims and quotes lists{detail}", UsageError,
              api="invalid_report")
    E410 = _e("E410", "the multipart body cannot be read: {reason}", UsageError, api="invalid_multipart")
    # Bugs
    E900 = _e("E900", "internal error ({reason}); this is a bug: please report it (run with --debug for "
              "the traceback)", OnrecordError, exit_code=EXIT_INTERNAL, http=500, api="internal_error")


def catalogue() -> dict[str, ErrorMsg]:
    """Every entry by code, for docs and tests."""
    return {k: v for k, v in vars(Errors).items() if isinstance(v, ErrorMsg)}
