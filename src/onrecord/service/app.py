"""The service's first import path, kept: ``from onrecord.service.app import create_app, serve``.

The app is assembled in ``build.py`` and run by ``server.py``; ``onrecord.service`` exports both.
"""

from onrecord.limits import DEFAULT_LIMITS

from .build import create_app
from .errors import ApiError
from .server import running_server, serve

__all__ = ["ApiError", "create_app", "running_server", "serve"]

DEFAULT_MAX_REQUEST_BYTES = DEFAULT_LIMITS.max_request_bytes
DEFAULT_MAX_DOCUMENT_CHARS = DEFAULT_LIMITS.max_document_chars
DEFAULT_MAX_SOURCES = DEFAULT_LIMITS.max_sources
DEFAULT_TIME_BUDGET_S = DEFAULT_LIMITS.time_budget_s
