"""The HTTP service and the web page: ``create_app``, ``serve``, ``running_server``."""

from .build import create_app
from .server import running_server, serve

__all__ = ["create_app", "running_server", "serve"]
