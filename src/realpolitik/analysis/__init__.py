"""Analysis over the store: dyad timelines, top dyads, active actors, the actor network, the demo summary."""
from realpolitik.analysis.dyads import (TIMELINE_COLUMNS, Edge, active_actors, actor_network, dyad_timeline,
                                        top_dyads)
from realpolitik.analysis.summary import render_summary, sparkline, summary

__all__ = ["TIMELINE_COLUMNS", "Edge", "active_actors", "actor_network", "dyad_timeline", "render_summary",
           "sparkline", "summary", "top_dyads"]
