"""The resolver's inputs as records: the knowledge base as a document of one date reads it (``Reading``,
immutable), the article's learned people, factions and reading position (``Article``, one per document), and
the constants the resolution functions share."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from collections import Counter
from typing import Any, NamedTuple

from spacy.tokens import Doc

from realpolitik.actors.kb import (
    DEMONYM,
    METONYM,
    REGION,
    STATE,
    Entry,
    KnowledgeBase,
)
from realpolitik.actors.scan import Match
from realpolitik.records import ActorRef

_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_SKIP_CHILD = frozenset({"relcl", "advcl", "appos", "ccomp", "parataxis", "acl", "det", "preconj", "prep", "dep",
                         "mark", "advmod"})
_ANCHOR_PREPS = frozenset({"of", "in", "from", "at", "inside", "within", "throughout", "across"})
_NONSTATE = frozenset({"REB", "INS", "OPP"})  # modifier sectors that override a head role ("rebel soldiers")
_STATE_KINDS = frozenset({STATE, DEMONYM, METONYM, REGION})
_LOC_PREPS = frozenset({"in", "at", "near", "inside", "outside", "throughout", "across", "around", "outside"})
_PLACE_RULES = frozenset({"capital-metonym", "region", "country"})
# Inherit-sector roles that mean "the government's" when nothing in the text names their organisation
# ("officials said", "a spokesman said"); other inherit roles ("supporters", "members") stay unplaced.
_BARE_OFFICIAL = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "leader", "leadership",
                            "delegation", "negotiator"})
# Words before a government office that make it the opposition's ("shadow home secretary" -> OPP).
_OPPOSITION_MARKERS = frozenset({"shadow"})
# A country is the article's own (domestic news) when it has at least this many times the mentions of any
# other country (hand-set, not fitted).
DOMINANCE = 2
# Words that never start a person's name even when the tagger joins them to it ("Wednesday Mr Blair").
_NOT_NAME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "yesterday", "today", "tonight", "tomorrow", "good", "new", "old", "dear", "poor", "young"})
# Lower-case particles inside personal names ("Ali bin Hussein", "Ursula von der Leyen").
_NAME_PARTICLES = frozenset({"al", "al-", "el", "bin", "ibn", "abu", "de", "del", "della", "da", "di", "du",
                             "van", "von", "der", "den", "la", "le", "ben", "bint", "y", "dos", "das"})
# Honorifics that tell a person's gender (for pronouns).
_MALE_HONORIFICS = frozenset({"mr", "sir", "lord", "monsieur", "herr", "m"})
_FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "lady", "dame", "baroness", "mme", "madame"})
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
# Nouns describing a person that tell their gender ("Sharron Storer, the Birmingham woman who ...").
_FEMALE_NOUNS = frozenset({"woman", "mother", "wife", "daughter", "sister", "girl", "grandmother", "widow",
                           "actress", "queen", "princess", "chairwoman", "spokeswoman", "businesswoman",
                           "congresswoman", "councilwoman", "policewoman", "aunt", "niece", "granddaughter"})
_MALE_NOUNS = frozenset({"man", "father", "husband", "son", "brother", "boy", "grandfather", "widower", "king",
                         "prince", "businessman", "congressman", "councilman", "policeman", "uncle", "nephew",
                         "grandson"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})


@dataclass
class _Person:
    actor_id: str
    name: str
    country: str | None = None
    sector: str | None = None
    igo_code: str | None = None
    roles: list[tuple[str, str, dt.date | None, bool]] = field(default_factory=list)  # role, code, date, former
    aliases: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    former: bool = False
    kb_entry: Entry | None = None
    country_rule: str = ""
    sector_from_text: bool = False
    country_from_text: bool = False
    kb_current: bool = False
    gender: str | None = None  # "m" / "f" when an honorific or a resolved pronoun says so

    @property
    def code(self) -> str:
        if self.igo_code:
            return self.igo_code
        return f"{self.country or ''}{self.sector or ''}"

    @property
    def role(self) -> str | None:
        return self.roles[-1][0] if self.roles else None


@dataclass
class _Faction:
    actor_id: str
    name: str
    country: str
    attribute: str
    sector: str = "GOV"
    members: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass
class _Descriptor:
    """What the words around a name say: role, country, sector, former, factions."""

    role: str | None = None
    country: str | None = None
    sector: str | None = None
    igo_code: str | None = None
    former: bool = False
    factions: list[Match] = field(default_factory=list)
    rule: str = ""
    inherited: bool = False  # the sector came from an "inherit" role's organisation or state ("leader")
    unknown_org: bool = False  # the title names an organisation we do not know ("Nova chairman")
    mod_sector: str | None = None  # a sector the title's other role words name ("Chief Police Officers president")


_SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary", "OPP": "opposition",
    "REB": "rebels", "INS": "insurgents", "MED": "media", "BUS": "business", "CVL": "civilians",
    "EDU": "education", "REF": "refugees", "REL": "clergy", "SPY": "intelligence", "COP": "police",
    "LAB": "labour", "AGR": "farmers", "HLH": "health", "HRI": "rights groups", "CRM": "criminals",
    "ELI": "elites", "PTY": "party", "ENV": "environmentalists",
}


@dataclass(frozen=True)
class Reading:
    """The knowledge base as a document of ``date`` reads it (``kb.as_of(date)``): frozen, shared by every
    resolution function, never written to."""

    kb: KnowledgeBase
    date: dt.date | None = None
    # how the date was found when the document had none ("era:2005-08-10"): the article's era from the offices
    # its people hold (people.article_era); shown in the rule of the codes read at that date
    date_rule: str = ""
    # the era's whole window (first day, last day) when the date is the middle of one: a dated code is read
    # only where it holds over all of it (``code_of``)
    window: tuple[dt.date, dt.date] | None = None

    def code_of(self, e: Entry) -> str:
        """``e``'s code as this reading knows the date: on the day, over the whole era window, or undated."""
        if self.date is None:
            return e.code_undated()
        if self.window is not None:
            return e.code_within(*self.window)
        return e.code_at(self.date)

    def sector_of(self, e: Entry) -> str | None:
        """The sector of ``code_of(e)`` (a party is GOV while it governs, OPP otherwise), None when the era
        window spans both."""
        if self.window is None or not e.periods:
            return e.sector_at(self.date)
        code = self.code_of(e)
        if e.country and code.startswith(e.country):
            return code[len(e.country):len(e.country) + 3] or None
        return e.sector if len({p.code for p in e.periods}) <= 1 else None


class Logged(NamedTuple):
    """A named mention of a person, as pronouns look back at it."""

    pos: int  # global char position (context.gpos)
    actor_id: str
    salience: int  # 2 subject of the main clause (or its possessor), 1 subject of another clause, 0 other
    sent: tuple[int, int]  # (segment sequence, sentence number in the segment)
    quoted: bool  # inside quotation marks (someone's words, not the narrator's)


@dataclass(eq=False)
class Article:
    """What the resolver has learned of one article (all its segments): the people, factions, organisations
    and offices it names, the countries it mentions, and where reading is. The only state resolution writes."""

    people: dict[str, _Person] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)  # normalised full name -> actor_id
    person_log: list[Logged] = field(default_factory=list)  # every named mention of a person, in reading order
    factions: dict[str, _Faction] = field(default_factory=dict)
    orgs: dict[str, Entry] = field(default_factory=dict)
    offices: dict[str, Any] = field(default_factory=dict)  # "the supreme leader" as an office holder (Actor)
    countries: Counter[str] = field(default_factory=Counter)  # country mentions of all counted segments
    sent_country: dict[tuple[int, int, int], str | None] = field(default_factory=dict)
    counted: list[Doc] = field(default_factory=list)  # segments whose country mentions are counted
    party_log: list[tuple[int, Entry]] = field(default_factory=list)  # (global char pos, party) in reading order
    # named bodies ("the West German banks' association") by head lemma: (global char pos, head token)
    body_log: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)
    unplaced: dict[str, Entry] = field(default_factory=dict)  # ambiguous names no evidence placed
    acronyms: dict[str, Entry] = field(default_factory=dict)  # acronyms the article defines: "Name (ACR)"
    article_names: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # full names, all segments
    # subjects a later pronoun may continue (people.pronoun_ref): narrator pronouns resolved in reading order and
    # unnamed person-role subjects ("the spokesman said ... He added"), by global char pos: (entry, the ref a
    # role subject resolved to, its gender); how far each segment (doc_seq) has been read for them
    chain: dict[int, tuple[Logged, ActorRef | None, str | None]] = field(default_factory=dict)
    chain_upto: dict[int, int] = field(default_factory=dict)
    # the segment being read
    doc: Doc | None = None
    doc_seq: int = 0
    next_seq: int = 0
    learned: set[int] = field(default_factory=set)  # sentence start tokens learned in the current segment
    fullnames: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)  # (char, name, words)
    doc_countries: Counter[str] = field(default_factory=Counter)
    seen: list[tuple] = field(default_factory=list)  # recently left segments and their reading state
