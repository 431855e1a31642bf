#!/usr/bin/env python3
"""Build src/realpolitik/data/triggers/petrarch_verbs.json from PETRARCH2's CAMEO verb dictionary.

Reads ../shared/dictionaries/CAMEO.2.0.verbs.txt (openeventdata/petrarch2, MIT; copyright notice in
src/realpolitik/data/triggers/LICENSE.petrarch2) with the package's own reader
(realpolitik.events.verbdict), maps codes the codebook lacks to their parent code, drops
duplicate patterns within a block, and writes the blocks. At run
time the trigger lexicon merges them behind realpolitik's entries (ties go to ours).
Usage: python scripts/build_lexicon.py [DICTIONARY] [--out FILE]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from realpolitik.events.triggers import known_code
from realpolitik.events.verbdict import lexicon_blocks, read_verb_dictionary

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_IN = ROOT.parent / "shared" / "dictionaries" / "CAMEO.2.0.verbs.txt"
DEFAULT_OUT = ROOT / "src" / "realpolitik" / "data" / "triggers" / "petrarch_verbs.json"

# Verbs whose *bare* block default is dropped (their patterns with conditions stay): PETRARCH files verbs
# under the nearest CAMEO block by synonymy, so a block's default code reaches verbs whose common sense is
# no political act ("see" under OBSERVE -> 010, "take" under APPREHEND -> 171, "die" -> 190, "head" -> 060).
# The list is written from general English, not from coding errors: (1) the most frequent English verbs,
# light and polysemous; (2) verbs of perception, cognition, quantity, motion, change of degree and manner.
GENERIC_VERBS = frozenset("""
be have do get make go come take give see know think look want use find tell work seem feel try leave keep
let begin show hear play run move live believe hold bring happen write sit stand lose pay include continue
set learn change lead understand watch follow create read spend grow open walk win remember love appear
wait serve die send build stay fall cut reach remain raise pass require report decide pull turn start help
put mean become provide carry break receive expect add face fill cover catch draw choose cause point
listen realize place close involve increase hit apply stop enjoy count figure total sum score estimate gauge
measure calculate assess tally view notice observe witness note saw mark ring circle match pit best master
overshadow overtake surmount beat crack rip tear mar spoil corrupt tarnish vitiate bind chain connect link
relate attach blend combine conflate fuse merge unify head direct conduct handle manage steer control
govern dictate rule regulate administer prescribe issue accord award lend supply stock render tender
attire furnish gear outfit equip groom ready train prepare better improve ease simplify amplify augment
compound deepen enhance enlarge heighten magnify intensify redouble exaggerate expand boost escalate
affect impact influence tempt concern involve worry repeat copy echo imitate mimic circulate diffuse
dispense disperse disseminate dissipate distribute propagate scatter spread convey define depict describe
detail elucidate explicate expound impart narrate rationalize refer mention cite articulate clarify
introduce insert innovate acquaint touring tour journey depart egress embark travel attend join gather
huddle flock cluster converge amass assemble constellate conglomerate conjoin unite hope desire mean plan
intend signal revive resurrect resuscitate strive endeavor endeavour reason think muse ponder meditate
ruminate speculate weigh mull consider contemplate reconsider excogitate deliberate learn inhabit reside
infest engage fire blow flatten pound ram thump encircle surround dominate overcome overpower
ruin shatter smash crush decimate desolate ravish eradicate
obliterate annihilate bust pelt extract pluck pull
wrest catch grab nab snatch take table bill tax fine clear verify tolerate enable empower
pass approve permit allow consent countenance legislate authorize authorise fill bide abide obey
satify comply submit relax loosen undo untie tease disentangle detach disconnect disengage recede retire
retract unloose check examine explore research study analyse
ascertain audit inspect comb dig mine probe rake scan scrutinize skim sweep unearth need want bid press
push campaign crusade clamor clamour necessitate aver avow swear claim cry grieve lament wail weep whine
differ contrast counter counterbalance compete debate argue contend contest challenge humble degrade
agitate bother annoy upset plague rag vex irk badger harry pester torment frustrate distress disturb
parade arouse rally muster garner marshal summon contain enclose restrict withhold
force enforce reinforce compel impel pressure moderate curb constrain restrain subdue remove
""".split())
# Synonym-set members that are more often people than the things the set names ("rebel fighters").
SET_EXCLUSIONS = {"AIRCRAFT": {"fighter", "fighters", "bomber", "bombers"}, "WEAPON": {"bomber", "bombers"}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dictionary", nargs="?", type=Path, default=DEFAULT_IN)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    vd = read_verb_dictionary(args.dictionary)
    for name, words in SET_EXCLUSIONS.items():
        if name in vd.synsets:
            vd.synsets[name] = tuple(w for w in vd.synsets[name] if w.lower().strip("_") not in words)
    blocks = lexicon_blocks(vd, known_code)
    dropped = 0
    for b in blocks:
        for v in b["verbs"]:
            if v[0] in GENERIC_VERBS and not v[1] and v[2] is not None:
                v[2] = None  # the bare verb is no event; its patterns with conditions still are
                dropped += 1
    n_verbs = sum(len(b["verbs"]) for b in blocks)
    n_pats = sum(len(b["patterns"]) for b in blocks)
    doc = {
        "_about": {
            "source": "PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt, openeventdata/petrarch2), "
                      f"{len(vd.blocks)} verb blocks, {sum(len(b.verbs) for b in vd.blocks)} verbs, "
                      f"{sum(len(b.patterns) for b in vd.blocks)} patterns",
            "licence": "MIT, Copyright (c) 2015 Open Event Data Alliance (see LICENSE.petrarch2 beside this file)",
            "built_by": "scripts/build_lexicon.py (realpolitik.events.verbdict); codes missing from the codebook "
                        "mapped to their parent; generic verbs keep their patterns but not their block's default "
                        "code (list in the script); 'src' = line of the pattern in the dictionary",
        },
        "blocks": blocks,
    }
    args.out.write_text(json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(blocks)} blocks, {n_verbs} verbs ({dropped} generic verbs without their block default), "
          f"{n_pats} distinct patterns -> {args.out}")


if __name__ == "__main__":
    main()
