"""A per-user cache of costly objects built from shipped files (the knowledge base, the trigger lexicon).

``cached(name, build, sources)`` returns ``build()``'s result, kept as a pickle in the cache folder
(``$REALPOLITIK_CACHE``, else ~/.cache/realpolitik, the folder the gazetteer cache uses) under a key made of
the realpolitik and Python versions and the content of every source file: the data files read by ``build``
and the code that builds the object. Changing any of them (an edited YAML file, a new release, a changed
class) gives a new key, so a stale object is never loaded. A file that cannot be read or unpickled is rebuilt
and rewritten; a folder that cannot be written only costs the rebuild next time.

The pickles are the user's own files in the user's own folder, loaded with the trust given to the installed
package itself; never point ``$REALPOLITIK_CACHE`` at a folder others can write.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_FORMAT = "1"  # bump when the layout of the cache files changes
_KEEP = 4


def cache_dir() -> Path:
    """The cache folder: ``$REALPOLITIK_CACHE``, else ~/.cache/realpolitik."""
    env = os.environ.get("REALPOLITIK_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "realpolitik"


def _files(sources: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for src in sources:
        p = Path(src)
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and "__pycache__" not in f.parts
                          and f.suffix != ".pyc")
        elif p.is_file():
            out.append(p)
    return out


def key(name: str, sources: Iterable[Path]) -> str:
    """The cache key of ``name`` built from ``sources`` (files, or folders taken whole)."""
    from realpolitik import __version__

    h = hashlib.blake2b(digest_size=12)
    for part in (_FORMAT, name, __version__, sys.version, str(pickle.HIGHEST_PROTOCOL)):
        h.update(part.encode() + b"\0")
    for f in _files(sources):
        data = f.read_bytes()
        h.update(f.name.encode() + b"\0" + str(len(data)).encode() + b"\0")
        h.update(data)
    return h.hexdigest()


def path_for(name: str, sources: Iterable[Path]) -> Path:
    return cache_dir() / f"{name}-{key(name, sources)}.pickle"


def _load(path: Path) -> object:
    with path.open("rb") as fh:
        data = fh.read()
    enabled = gc.isenabled()
    gc.disable()  # unpickling ~50k small objects: the collector's passes over them cost more than the load
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


def cached(name: str, build: Callable[[], T], sources: Iterable[Path]) -> T:
    """``build()``, loaded from the cache when a file with the same key is there, else built and stored."""
    sources = list(sources)
    try:
        path = path_for(name, sources)
    except OSError:  # a source file unreadable: build (which reports it)
        return build()
    try:
        return _load(path)  # type: ignore[return-value]
    except Exception:  # missing, truncated, corrupt, or naming a class that changed: rebuild and overwrite
        pass
    obj = build()
    _store(path, name, obj)
    return obj


def _store(path: Path, name: str, obj: object) -> None:
    """Write ``obj`` at ``path`` atomically; of the files of ``name`` only the newest ``_KEEP`` are kept (other
    checkouts or versions sharing the folder keep theirs)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)  # readers see the whole file or none
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return
    try:
        files = sorted(path.parent.glob(f"{name}-*.pickle"), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in files[_KEEP:]:
            old.unlink()
    except OSError:
        pass
