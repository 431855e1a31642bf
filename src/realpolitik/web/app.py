"""The FastAPI application: server-rendered pages, the JSON API under /api/, shipped scripts and styles.

The database is opened read-only (a connection per request, so an ingest in another process can still
write between requests). Every bad parameter is a 422 with a message, an unknown id a 404; nothing is
fetched from the network: Plotly's script is served from the installed plotly package.
"""
from __future__ import annotations

import logging
import sys
from functools import lru_cache
from pathlib import Path

from realpolitik import __version__
from realpolitik.errors import RealpolitikError
from realpolitik.store import Store
from realpolitik.web.params import NotFound

HERE = Path(__file__).resolve().parent
log = logging.getLogger("realpolitik.web")

# Scripts and styles come from this server only; Plotly draws with inline styles.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")


@lru_cache(maxsize=1)
def plotly_js() -> bytes:
    """plotly.min.js from the installed plotly package (the same version that builds the figures)."""
    from importlib import resources

    return resources.files("plotly").joinpath("package_data", "plotly.min.js").read_bytes()


def create_app(db: str | Path | None = None, scenarios: str | Path | None = None):
    """The app over the database ``db`` (checked now: a missing or foreign file fails before serving) and
    the bundled scenarios plus those in the folder ``scenarios``."""
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates
    from starlette.exceptions import HTTPException

    from realpolitik.web import api, pages
    from realpolitik.web.forecasting import list_scenarios
    from realpolitik.web.templating import setup

    store = Store(db, read_only=True)
    store.counts()  # fails here, with the store's one-line message, if the file is missing or not ours
    folder = None
    if scenarios is not None:
        folder = Path(scenarios).expanduser()
        if not folder.is_dir():
            raise RealpolitikError(f"--scenarios {scenarios}: not a folder")

    app = FastAPI(title="realpolitik", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Read-only JSON API over a realpolitik event database: events, dyad series, "
                              "actors, the actor network, factions and forecasts. The HTML pages use the same "
                              "query layer.")
    app.state.store = store
    app.state.scenarios = list_scenarios(folder)
    app.state.templates = setup(Jinja2Templates(directory=str(HERE / "templates")))

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    def error(request: Request, status: int, message: str):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": message}, status_code=status)
        return app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message, "db": store.path.name}, status_code=status)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return error(request, 404, str(exc))

    @app.exception_handler(RealpolitikError)
    async def bad_input(request: Request, exc: RealpolitikError):
        return error(request, 422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else e.get("msg", "invalid"))
        return error(request, 422, "; ".join(parts) or "invalid request")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = {404: f"no page at {request.url.path}", 405: "method not allowed"}.get(exc.status_code,
                                                                                         str(exc.detail))
        return error(request, exc.status_code, message)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):  # a bug: logged with its traceback, a plain page shown
        log.exception("error serving %s", request.url.path)
        return error(request, 500, f"internal error ({type(exc).__name__}); the server log has the details")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_script() -> Response:
        return Response(plotly_js(), media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach."""
    import ipaddress

    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db: str | Path | None = None, host: str = "127.0.0.1", port: int = 8000,
          scenarios: str | Path | None = None, log_level: str = "warning") -> None:
    """Run the UI with uvicorn until interrupted (binds to 127.0.0.1 unless told otherwise, and warns then)."""
    import uvicorn

    app = create_app(db, scenarios)
    if not is_loopback(host):
        print(f"realpolitik: warning: serving on {host}: anyone who can reach this address can read the "
              "database (no login); use --host 127.0.0.1 to keep it on this machine", file=sys.stderr)
    shown = f"[{host}]" if ":" in host else host
    print(f"realpolitik: serving {app.state.store.path} at http://{shown}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
