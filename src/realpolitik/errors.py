"""Errors a user can cause. The CLI renders each as one line; tracebacks only with --debug."""


class RealpolitikError(Exception):
    """Base class: a problem the user can fix, rendered as one plain sentence."""


class InputError(RealpolitikError):
    """A file or record that cannot be read (binary, empty, undecodable, malformed, too large)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelMissingError(RealpolitikError):
    """A model package (spaCy pipeline, embeddings) is not installed."""


class ScenarioError(RealpolitikError):
    """A forecast scenario file is invalid (missing columns, values out of range, ...)."""


class StoreError(RealpolitikError):
    """The event database cannot be opened or has an incompatible schema."""
