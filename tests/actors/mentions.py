"""The one helper the actor-evidence tests share: find a learned mention by its words."""
from __future__ import annotations


def mention(learn, text, words, date):
    """The mention (from the resolver's ``mentions``) whose text contains ``words``, or None."""
    doc, res = learn(text, date=date)
    for sent in doc.sents:
        for ref in res.mentions(sent):
            if words in ref.text:
                return ref
    return None
