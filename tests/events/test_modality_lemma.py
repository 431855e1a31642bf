"""The model's lemmatiser clips the final "e" of some governing verbs ("hopes" -> "hop", "slated" -> "slat");
modality still reads them as the hope or schedule they are (modality._lemma). Sentences written for these tests."""
from __future__ import annotations

import pytest

from realpolitik.events.modality import Modality, modality


def _mod(nlp, text: str, trigger: str) -> Modality:
    doc = nlp(text)
    return modality(next(t for t in doc if t.text == trigger))


@pytest.mark.parametrize("text,trigger", [
    # the model lemmatises "hopes / hoped / hoping" as "hop" and "slated" as "slat": the governor is still
    # a hope or a schedule, and what it governs has not happened
    ("Britain hopes to sign an agreement with Iran.", "sign"),
    ("Russia hoped to meet the Iranian president.", "meet"),
    ("The Iranian president is slated to visit Moscow next week.", "visit"),
])
def test_a_clipped_lemma_still_names_its_governor(nlp, text, trigger):
    m = _mod(nlp, text, trigger)
    assert "future" in m.kinds and m.hypothetical
