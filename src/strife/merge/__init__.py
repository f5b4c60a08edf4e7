"""Merging reports of one real-world event across articles and days into one stored event.

    blocking   which pairs can be one event at all (type family, date window, place)
    similarity sentence embeddings of the evidence (all-MiniLM-L6-v2) or a lexical fallback
    decide     the decision: text similarity moved by the agreement of the fields
    reconcile  one record from every report of the event, every source kept
    merger     incremental merging into a store, and undoing it for one article
    evaluate   pairwise and B-cubed scores against gold clusters derived from the MUC-4 keys

See docs/merging.md.
"""

from strife.merge.blocking import Block, block
from strife.merge.decide import Decision, decide
from strife.merge.merger import Merger
from strife.merge.profile import Member, Profile
from strife.merge.reconcile import reconcile
from strife.merge.similarity import LexicalEmbedder, load_embedder

__all__ = [
    "Block",
    "Decision",
    "LexicalEmbedder",
    "Member",
    "Merger",
    "Profile",
    "block",
    "decide",
    "load_embedder",
    "reconcile",
]
