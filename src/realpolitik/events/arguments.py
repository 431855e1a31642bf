"""Learned argument model: which noun phrases of a trigger's sentence are its source and its target.

Candidates are the noun-phrase heads of the sentence (nouns, names, pronouns; coordinated heads and
coordinated demonym/name modifiers each on their own, so "US and British activists" gives "US" and
"British"; possessors and appositions too), each with its span. Each (trigger, candidate) pair is described
by the dependency path between them, the trigger's voice and CAMEO root, the clause relation, the linking
preposition, the linear position, what the resolver makes of the candidate and what the hand rules
(`coder.rule_actors`) chose — so the rules are features of the model and its fallback. A multinomial
logistic regression gives P(none / source / target) per candidate; `decode` picks the sources (several
coordinated parties allowed, none when no candidate is a likely source: no agent is invented for an
agentless passive) and the targets. Trained by ``bench/train_arguments.py``; the weights ship as a plain
.npz read with numpy alone (no pickle, no scikit-learn at run time).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from realpolitik.errors import ModelMissingError
from realpolitik.records import ActorRef

ROLES = ("none", "source", "target")
MODELS_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
MODEL_FILE = "arguments.npz"
FORMAT_VERSION = 1

NOUN_POS = {"NOUN", "PROPN", "PRON"}
# Entity types that never are actors: times, amounts, ordinals.
NON_ACTOR_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
# Named modifiers that can be an actor of their own ("Russian airstrikes", "US and British activists").
ACTOR_MOD_ENTS = {"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"}
MOD_DEPS = {"amod", "compound", "nmod", "npadvmod"}
# Dependencies that start a new clause on a path from the trigger.
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"}
SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "agent"}
# Pronouns that stand for no one ("it is likely", "this").
EMPTY_PRONOUNS = {"it", "this", "that", "there", "which", "what", "itself", "something", "anything",
                  "nothing", "everything", "these", "those", "each", "one", "all", "both"}
NEAR_RANKS = 3

# Decoder thresholds (fitted under cross-validation by bench/train_arguments.py; stored with the weights).
# "agentless" is not fitted (the gold has almost no trigger without a source): an agentless passive takes a
# source only when the model is sure of one ("the ministry said 47 men had been executed").
# "alone" (also set by hand) is the source probability at which the coder takes a trigger the rules found
# no source for as an event; above 1, never: at 0.8 the model added events in asides the rules had dropped
# and PLOVER type precision fell (fidelity, rules+args: P 0.803 -> 0.707).
DECODE_DEFAULTS = {"source": 0.4, "target": 0.3, "conj": 0.3, "second": 0.6, "agentless": 0.6, "alone": 1.01}


@dataclass(frozen=True)
class Phrase:
    """A noun-phrase head the trigger's arguments are chosen from (doc token indices)."""

    head: int
    start: int
    end: int  # token span [start, end) of the phrase, coordinated heads cut off
    via: str  # "np" | "modifier" (a demonym/name modifying another noun) | "possessor"

    def span(self, sent: Span) -> Span:
        return sent.doc[self.start:self.end]


@dataclass(frozen=True)
class Scored:
    """A candidate with the model's role probabilities."""

    candidate: Phrase
    p_none: float
    p_source: float
    p_target: float

    @property
    def role(self) -> str:
        probs = (self.p_none, self.p_source, self.p_target)
        return ROLES[int(np.argmax(probs))]


# ---------------------------------------------------------------- candidates


def _phrase_span(head: Token) -> tuple[int, int]:
    """Token span of the noun phrase of `head`: its left edge up to its right dependents, stopping at a
    coordination, a relative/adverbial clause or a trailing clause; appositions stay ("the minister, X")."""
    left = head.i
    for child in head.lefts:
        if child.dep_ in {"cc", "conj", "punct", "preconj"} and child.i < head.i:
            continue
        left = min(left, child.left_edge.i)
        break
    right = head.i
    for child in head.rights:
        if child.dep_ == "punct":
            continue
        if child.dep_ in {"relcl", "acl", "cc", "conj", "advcl"}:
            break
        if child.dep_ == "prep" and child.lower_ not in {"of", "from"}:  # keep "officials of Iran"
            break
        right = max(right, child.right_edge.i)
    return left, right + 1


def _is_actor_modifier(tok: Token) -> bool:
    if tok.dep_ not in MOD_DEPS and not (tok.dep_ == "conj" and tok.head.dep_ in MOD_DEPS):
        return False
    if tok.pos_ not in {"PROPN", "ADJ", "NOUN"}:
        return False
    if tok.ent_type_ not in ACTOR_MOD_ENTS:
        return False
    # the first token of a multi-word name that includes its head is no actor of its own ("Sergei Lavrov")
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.start <= tok.head.i < ent.end:
        return False
    return ent is None or tok.i == ent.end - 1


def candidates(sent: Span) -> list[Phrase]:
    """Noun-phrase heads of a sentence, each with its span, in token order."""
    out: list[Phrase] = []
    for tok in sent:
        if tok.ent_type_ in NON_ACTOR_ENTS:
            continue
        if tok.pos_ == "PRON" and tok.lower_ in EMPTY_PRONOUNS:
            continue
        if tok.pos_ in NOUN_POS and tok.dep_ not in {"compound", "flat"} and not _inside_name(tok):
            start, end = _phrase_span(tok)
            via = "possessor" if tok.dep_ == "poss" else "np"
            out.append(Phrase(tok.i, start, end, via))
        elif _is_actor_modifier(tok):
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            start = ent.start if ent is not None else tok.i
            out.append(Phrase(tok.i, start, tok.i + 1, "modifier"))
    return out


def _inside_name(tok: Token) -> bool:
    """A name token that is not the last of its entity ("Saudi" in "Saudi Arabia" parsed as a head)."""
    if tok.pos_ != "PROPN" or not tok.ent_type_:
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and tok.i < ent.end - 1 and tok.head.i < ent.end and tok.head.i > tok.i


def resolve_candidates(resolver, sent: Span, cands: Sequence[Phrase]) -> dict[int, ActorRef | None]:
    """The resolver's actor for each candidate (by head index); None where it knows none."""
    return {c.head: resolver.resolve(c.span(sent), head=sent.doc[c.head]) for c in cands}


def covers(ref: ActorRef, tok: Token) -> bool:
    """Was the actor read from the head word itself, not through a modifier or possessor ("Tehran's
    rivals" resolved through Tehran)? (A reference with no position counts as the head's.)"""
    rel = tok.idx - tok.sent.start_char
    return ref.start < 0 or ref.start <= rel < ref.end


def phrase_actor(sent: Span, phrase: Phrase, refs: Mapping[int, ActorRef | None]) -> ActorRef | None:
    """The actor a chosen phrase stands for. A head noun that is no actor itself but was resolved through
    a modifier ("Tehran's rivals, namely Saudi Arabia") is named by its apposition when it has one: the
    possessor only qualifies the noun, the apposition says who it is."""
    ref = refs.get(phrase.head)
    tok = sent.doc[phrase.head]
    if ref is not None and not covers(ref, tok):
        for child in tok.children:
            if child.dep_ == "appos" and refs.get(child.i) is not None:
                return refs[child.i]
    return ref


# ---------------------------------------------------------------- features


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    for _ in range(40):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        out.append(tok)
    return out


def _edge(tok: Token) -> str:
    """The label of the edge into `tok`, with the preposition's word for prepositions."""
    if tok.dep_ in {"prep", "agent", "dative"}:
        return f"{tok.dep_}:{tok.lower_}"
    return tok.dep_


def dep_path(trigger: Token, cand: Token) -> tuple[list[str], list[str]]:
    """Edges walked up from the trigger to the lowest common ancestor and down to the candidate."""
    up_chain = _ancestors(trigger)
    down_chain = _ancestors(cand)
    down_ids = {t.i: k for k, t in enumerate(down_chain)}
    for k, t in enumerate(up_chain):
        if t.i in down_ids:
            up = [_edge(x) for x in up_chain[:k]]
            down = [_edge(x) for x in reversed(down_chain[: down_ids[t.i]])]
            return up, down
    return [_edge(x) for x in up_chain], [_edge(x) for x in reversed(down_chain)]


def _voice(tok: Token) -> str:
    if tok.pos_ in {"NOUN", "PROPN"}:
        return "nominal"
    passive = any(c.dep_ in {"nsubjpass", "auxpass", "csubjpass"} for c in tok.children)
    if not passive and tok.tag_ == "VBN" and tok.dep_ == "acl":
        passive = True  # "rebels backed by Turkey"
    if passive:
        return "passive" if any(c.dep_ == "agent" for c in tok.children) else "agentless"
    return "active"


def _bucket(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-10" if n <= 10 else "11+"


def _conj_group(tok: Token) -> Token:
    """The first head of a coordination ("Iran and Russia" -> Iran)."""
    for _ in range(8):
        if tok.dep_ != "conj":
            break
        tok = tok.head
    return tok


def pair_features(sent: Span, match, cand: Phrase, cands: Sequence[Phrase],
                  ref: ActorRef | None, rule_sources: set[int], rule_targets: set[int]) -> dict[str, float]:
    """Features of one (trigger, candidate) pair. `match` is a TriggerMatch-like object (cameo, head,
    nominal, symmetric, target_preps, complement); `rule_*` are the token indices the hand rules chose."""
    doc = sent.doc
    trig = doc[match.head]
    tok = doc[cand.head]
    f: dict[str, float] = {"bias": 1.0}
    root = (match.cameo or "000")[:2]
    voice = _voice(trig)
    up, down = dep_path(trig, tok)
    full = "^" + "^".join(up) + "|" + "_".join(down)
    plen = len(up) + len(down)
    last = down[-1] if down else ("self" if not up else "anc")
    # the path and its parts
    f[f"path={full if plen <= 4 else 'long'}"] = 1.0
    f[f"up={'^'.join(up[:3])}"] = 1.0
    f[f"down={'_'.join(down[:3])}"] = 1.0
    f[f"plen={_bucket(plen)}"] = 1.0
    f["dir=" + ("down" if not up else "up" if not down else "side")] = 1.0
    f[f"last={last}"] = 1.0
    f[f"voice={voice}"] = 1.0
    f[f"voice×last={voice}|{last}"] = 1.0
    f[f"voice×path={voice}|{full if plen <= 3 else 'long'}"] = 1.0
    f[f"root={root}"] = 1.0
    f[f"root×last={root}|{last}"] = 1.0
    f[f"root×down={root}|{'_'.join(down[:2])}"] = 1.0 if not up else 0.0
    f[f"trigdep={trig.dep_}"] = 1.0
    f[f"trigdep×last={trig.dep_}|{last}"] = 1.0
    if match.nominal:
        f["nominal"] = 1.0
        f[f"nominal×last={last}"] = 1.0
    if match.symmetric:
        f["symmetric"] = 1.0
        f[f"symmetric×last={last}"] = 1.0
    # clause relation: the clause edges crossed on the way
    crossed = [e for e in up + down if e in CLAUSE_DEPS]
    f["clause=" + ("same" if not crossed else "+".join(crossed[:2]))] = 1.0
    if any(e == "ccomp" for e in down):
        f["reported_clause"] = 1.0
    if any(e in {"advcl", "xcomp"} for e in down) and any(c.dep_ == "aux" and c.lower_ == "to"
                                                          for e_tok in _ancestors(tok) for c in e_tok.children
                                                          if e_tok.dep_ in {"advcl", "xcomp"}):
        f[f"purpose×last={last}"] = 1.0
    if any(e in {"relcl", "acl"} for e in up):
        f["trigger_in_relative"] = 1.0
    # linear position
    before = tok.i < trig.i
    f["lin=" + ("before" if before else "after" if tok.i > match.head else "self")] = 1.0
    f[f"dist={_bucket(abs(tok.i - trig.i))}"] = 1.0
    # rank among the candidates on the same side of the trigger (nearest = 0)
    rank = sum(1 for c in cands if c.head != trig.i and (c.head < trig.i) == before
               and abs(c.head - trig.i) < abs(tok.i - trig.i))
    f[f"rank={'before' if before else 'after'}{min(rank, NEAR_RANKS)}"] = 1.0
    if cand.start <= trig.i < cand.end:
        f["contains_trigger"] = 1.0
    # the preposition linking the candidate
    if tok.dep_ == "pobj" and tok.head.dep_ in {"prep", "agent", "dative"}:
        prep = tok.head.lower_
        att = tok.head.head
        where = ("trigger" if att.i == trig.i else
                 "trigobj" if att.head.i == trig.i and att.dep_ in {"dobj", "attr", "nsubjpass", "pobj"} else
                 "complement" if match.complement is not None and att.i == match.complement else "other")
        f[f"prep={prep}"] = 1.0
        f[f"prep×att={prep}|{where}"] = 1.0
        f[f"prep×root={prep}|{root}"] = 1.0
        if prep in tuple(match.target_preps or ()):
            f[f"target_prep×att={where}"] = 1.0
        if tok.ent_type_ in {"GPE", "LOC", "FAC"}:
            f[f"place_prep={prep}|{where}"] = 1.0
            f[f"place_prep×root={prep}|{root}"] = 1.0
    if match.complement is not None and any(a.i == match.complement for a in _ancestors(tok)[1:4]):
        f[f"under_complement×dep={tok.dep_}"] = 1.0
    # possessor / apposition / modifier
    if tok.dep_ == "poss":
        f[f"poss_of={tok.head.dep_}"] = 1.0
        if any(c.dep_ == "appos" for c in tok.head.children):
            f["poss_of_appositioned"] = 1.0
    if tok.dep_ == "appos":
        f[f"appos_of={tok.head.dep_}"] = 1.0
        if any(c.dep_ == "poss" for c in tok.head.children):
            f["appos_of_possessed"] = 1.0
    f[f"via={cand.via}"] = 1.0
    if cand.via == "modifier":
        f[f"mod_of={_conj_group(tok).head.dep_}"] = 1.0
        if _conj_group(tok).head.i == trig.i:
            f["mod_of_trigger"] = 1.0
    if tok.dep_ == "conj":
        f["conjunct"] = 1.0
    # what the candidate is
    f[f"pos={tok.pos_}"] = 1.0
    f[f"ner={tok.ent_type_ or 'O'}"] = 1.0
    f[f"ner×last={tok.ent_type_ or 'O'}|{last}"] = 1.0
    if tok.pos_ == "PRON":
        f[f"pron={tok.lower_}"] = 1.0
    if ref is None:
        f["kind=none"] = 1.0
        f[f"kind×last=none|{last}"] = 1.0
    else:
        f[f"kind={ref.kind}"] = 1.0
        f[f"kind×last={ref.kind}|{last}"] = 1.0
        f[f"actor×path={full if plen <= 3 else 'long'}"] = 1.0
        f[f"actor×root×last={root}|{last}"] = 1.0
        f["country_known" if ref.country else "country_unknown"] = 1.0
        f[f"sector={ref.sector or 'state'}"] = 1.0
        if not covers(ref, tok):
            f["ref_via_modifier"] = 1.0  # "Tehran's rivals" resolved through Tehran
        f[f"refrule={ref.rule.split(':')[0].split('+')[0]}"] = 1.0
    # the hand rules' choice, and that of the candidate's coordination head
    in_src, in_tgt = cand.head in rule_sources, cand.head in rule_targets
    f["rule=" + ("source" if in_src else "target" if in_tgt else "none")] = 1.0
    f[f"rule×voice={'s' if in_src else 't' if in_tgt else 'n'}|{voice}"] = 1.0
    f[f"rule×kind={'s' if in_src else 't' if in_tgt else 'n'}|{'none' if ref is None else 'actor'}"] = 1.0
    group = _conj_group(tok)
    if group.i != tok.i:
        f["conj_head_rule=" + ("source" if group.i in rule_sources else "target" if group.i in rule_targets
                               else "none")] = 1.0
    if not rule_sources:
        f["rules_found_no_source"] = 1.0
    return f


# ---------------------------------------------------------------- the model


@dataclass
class ArgumentModel:
    """Multinomial logistic regression over sparse named features, with the decoder's thresholds."""

    vocab: dict[str, int]
    coef: np.ndarray  # (3, n_features) in ROLES order
    intercept: np.ndarray  # (3,)
    decode_params: dict[str, float] = field(default_factory=lambda: dict(DECODE_DEFAULTS))
    info: dict = field(default_factory=dict)

    def proba(self, feats: Sequence[Mapping[str, float]]) -> np.ndarray:
        """P(none, source, target) per feature dict, shape (n, 3)."""
        scores = np.tile(self.intercept, (len(feats), 1))
        rows, cols, vals = [], [], []
        for i, f in enumerate(feats):
            for k, v in f.items():
                j = self.vocab.get(k)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
                    vals.append(v)
        if rows:  # one gather and one scatter-add for all pairs
            np.add.at(scores, np.array(rows), (self.coef[:, cols] * np.array(vals)).T)
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def score(self, sent: Span, match, cands: Sequence[Phrase], refs: Mapping[int, ActorRef | None],
              rule_sources: Iterable[int] = (), rule_targets: Iterable[int] = ()) -> list[Scored]:
        """Role probabilities for every candidate of one trigger (the trigger's own token excluded)."""
        rs, rt = set(rule_sources), set(rule_targets)
        usable = [c for c in cands if c.head != match.head]
        feats = [pair_features(sent, match, c, cands, refs.get(c.head), rs, rt) for c in usable]
        if not feats:
            return []
        p = self.proba(feats)
        if str(match.cameo).startswith("01"):
            # a statement has an addressee only where the rules find one ("told X"): the argument gold holds
            # events with targets, not the plain remarks that most real-news statements are
            for i, c in enumerate(usable):
                if c.head not in rt:
                    p[i, 0], p[i, 2] = p[i, 0] + p[i, 2], 0.0
        return [Scored(c, float(a), float(b), float(d)) for c, (a, b, d) in zip(usable, p)]

    def decode(self, sent: Span, scored: Sequence[Scored], trigger: Token | None = None,
               actors: set[int] | None = None) -> tuple[list[Phrase], list[Phrase]]:
        """(sources, targets) of one trigger from its scored candidates (see `decode`)."""
        return decode(sent, scored, self.decode_params, trigger, actors)

    # ---- persistence ------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write as a compressed .npz: feature names, float32 weights, decoder thresholds (no pickle)."""
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        meta = {"format": FORMAT_VERSION, "decode": self.decode_params, "info": self.info}
        with open(path, "wb") as fh:
            np.savez_compressed(fh, names=np.array(names), coef=self.coef.astype(np.float32),
                                intercept=self.intercept.astype(np.float32), meta=np.array(json.dumps(meta)))

    @classmethod
    def from_file(cls, path: str | Path) -> "ArgumentModel":
        """Read weights written by `save`; ModelMissingError if absent or unreadable."""
        path = Path(path)
        if not path.is_file():
            raise ModelMissingError(f"argument model weights not found: {path} (run bench/train_arguments.py)")
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(str(z["meta"]))
                if meta.get("format") != FORMAT_VERSION:
                    raise ValueError(f"format {meta.get('format')}, expected {FORMAT_VERSION}")
                names = [str(n) for n in z["names"]]
                return cls({n: i for i, n in enumerate(names)}, z["coef"].astype(np.float64),
                           z["intercept"].astype(np.float64), {**DECODE_DEFAULTS, **meta.get("decode", {})},
                           meta.get("info", {}))
        except (OSError, ValueError, KeyError) as exc:
            raise ModelMissingError(f"argument model weights unreadable: {path} ({exc})") from exc

    @classmethod
    def load(cls) -> "ArgumentModel":
        """The shipped model (loaded once)."""
        return _shipped()

    @classmethod
    def train(cls, feats: Sequence[Mapping[str, float]], labels: Sequence[str], *, C: float = 0.5,
              min_count: int = 2, decode_params: Mapping[str, float] | None = None,
              info: dict | None = None) -> "ArgumentModel":
        """Fit on feature dicts with labels in ROLES (scikit-learn, training time only)."""
        from collections import Counter

        from scipy import sparse
        from sklearn.linear_model import LogisticRegression

        counts = Counter(k for f in feats for k in f)
        names = sorted(k for k, n in counts.items() if n >= min_count or k == "bias")
        vocab = {n: i for i, n in enumerate(names)}
        rows, cols, vals = [], [], []
        for i, f in enumerate(feats):
            for k, v in f.items():
                j = vocab.get(k)
                if j is not None and v:
                    rows.append(i)
                    cols.append(j)
                    vals.append(v)
        x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(feats), len(names)))
        y = np.array([ROLES.index(lab) for lab in labels])
        lr = LogisticRegression(C=C, max_iter=2000, solver="lbfgs")
        lr.fit(x, y)
        coef = np.zeros((len(ROLES), len(names)))
        intercept = np.full(len(ROLES), -30.0)  # a role no training pair had is never predicted
        lc, li = lr.coef_, lr.intercept_
        if len(lr.classes_) == 2:  # sklearn keeps one row for two classes; expand to a symmetric softmax
            lc, li = np.vstack([-lc / 2, lc / 2]), np.array([-li[0] / 2, li[0] / 2])
        for k, cls_ in enumerate(lr.classes_):
            coef[cls_], intercept[cls_] = lc[k], li[k]
        return cls(vocab, coef, intercept, {**DECODE_DEFAULTS, **(decode_params or {})}, info or {})


def model_path() -> Path:
    """Where the shipped weights live."""
    return MODELS_DIR / MODEL_FILE


@lru_cache(maxsize=1)
def _shipped() -> ArgumentModel:
    return ArgumentModel.from_file(model_path())


def load_default() -> ArgumentModel | None:
    """The shipped model, or None when its weights are absent (the coder then uses its rules alone)."""
    try:
        return ArgumentModel.load()
    except ModelMissingError:
        return None


# ---------------------------------------------------------------- decoding


def _coordinated(a: Token, b: Token) -> bool:
    return a.i != b.i and _conj_group(a).i == _conj_group(b).i


def decode(sent: Span, scored: Sequence[Scored], params: Mapping[str, float] | None = None,
           trigger: Token | None = None, actors: set[int] | None = None) -> tuple[list[Phrase], list[Phrase]]:
    """(sources, targets) from role probabilities.

    The likeliest source when P(source) reaches the threshold, plus the parties coordinated with it
    ("Iran, Russia and Turkey"); no source at all when none reaches it (agentless passives keep no
    agent). Targets likewise among the rest. Both are chosen among the phrases in `actors` (head indices
    of phrases that name an actor) when given, since an event's sides must be actors ("a blockade in
    Gaza": Gaza, not the blockade). A candidate nested in a chosen one of the same role is
    dropped unless it is one of several coordinated modifiers ("US and British activists": US, British)."""
    p = {**DECODE_DEFAULTS, **(params or {})}
    doc = sent.doc
    taken: set[int] = set()
    floor = {"source": p["source"], "target": p["target"]}
    if trigger is not None and _voice(trigger) == "agentless":
        floor["source"] = max(p["source"], p["agentless"])

    def pick(role: str) -> list[Phrase]:
        prob = (lambda s: s.p_source) if role == "source" else (lambda s: s.p_target)
        pool = [s for s in scored if s.candidate.head not in taken and (actors is None or s.candidate.head in actors)]
        if not pool:
            return []
        best = max(pool, key=prob)
        if prob(best) < floor[role]:
            return []
        chosen = [best]
        btok = doc[best.candidate.head]
        for s in sorted(pool, key=prob, reverse=True):
            if s is best:
                continue
            if _coordinated(btok, doc[s.candidate.head]) and prob(s) >= p["conj"]:
                chosen.append(s)
            elif prob(s) >= max(floor[role], p["second"]) and not _nested(s.candidate, chosen):
                chosen.append(s)
        chosen = _prefer_modifiers(doc, chosen, scored, prob, p["conj"])
        return [s.candidate for s in sorted(chosen, key=lambda s: s.candidate.head)]

    sources = pick("source")
    taken.update(c.head for c in sources)
    targets = pick("target")
    return sources, targets


def _nested(c: Phrase, chosen: Sequence[Scored]) -> bool:
    return any(o.candidate.start <= c.head < o.candidate.end or c.start <= o.candidate.head < c.end
               for o in chosen)


def _prefer_modifiers(doc, chosen: list[Scored], scored: Sequence[Scored], prob, floor: float) -> list[Scored]:
    """A chosen phrase with two or more coordinated actor modifiers stands for each of them."""
    out: list[Scored] = []
    by_head = {s.candidate.head: s for s in scored}
    for s in chosen:
        mods = [by_head[t.i] for t in doc[s.candidate.start:s.candidate.end]
                if t.i in by_head and by_head[t.i].candidate.via == "modifier"
                and _conj_group(t).head.i == s.candidate.head]
        groups = {_conj_group(doc[m.candidate.head]).i for m in mods}
        if len(mods) >= 2 and len(groups) == 1:
            out.extend(m for m in mods if m not in out)
        elif s not in out:
            out.append(s)
    return out
