"""The browser UI: FastAPI + server-rendered pages over a read-only event database (`realpolitik serve`)."""
from realpolitik.web.app import create_app, is_loopback, serve

__all__ = ["create_app", "is_loopback", "serve"]
