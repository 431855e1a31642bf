"""Geography stage (between actors and events): where an event happened and where its actors are.

``locate_document`` is the post-step the coder's output goes through (see docs/geo.md); ``locate`` and
``actor_location`` answer the question for one event or one actor mention.
"""
from realpolitik.geo.gazetteer import Gazetteer, Place, distance_km, gazetteer_for, load_gazetteer
from realpolitik.geo.locate import DocContext, actor_location, document_context, locate, locate_document

__all__ = ["DocContext", "Gazetteer", "Place", "actor_location", "distance_km", "document_context", "gazetteer_for",
           "load_gazetteer", "locate", "locate_document"]
