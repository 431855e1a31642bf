"""Analysis over the store: dyad timelines, top dyads, active actors, the actor network, factions, one actor's
profile, one event's evidence, the demo summary, and the charts and tables that show them."""
from realpolitik.analysis.dyads import (DIRECTION_COLUMNS, TIMELINE_COLUMNS, Edge, active_actors, actor_network,
                                        dyad_directions, dyad_timeline, top_dyads)
from realpolitik.analysis.summary import render_summary, sparkline, summary

__all__ = ["DIRECTION_COLUMNS", "TIMELINE_COLUMNS", "Edge", "active_actors", "actor_network", "dyad_directions",
           "dyad_timeline", "render_summary", "sparkline", "summary", "top_dyads"]
