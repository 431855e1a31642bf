"""realpolitik: news about international politics in, a queryable model of actors and events out."""

__version__ = "0.1.0"
