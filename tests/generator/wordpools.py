"""The word and sentence pools the prose writer draws from, and how flat each one is.

A list of words is drawn Zipf-like, commonest first (:class:`tests.generator.pools.Pool`); how
steeply depends on what the list is. Everyday words keep a steep curve. Stock clauses and the
interchangeable ways of saying one formula are drawn nearly evenly, so that none of them
turns up in every other article. Sentence templates are drawn fairly evenly too, and a set
piece (a template with a long fixed clause) a quarter as often as one made mostly of slots.
"""

from __future__ import annotations

import re

from tests.generator import details
from tests.generator import everyday as evd
from tests.generator import formulas as fml
from tests.generator import sentences as snt
from tests.generator import templates as tpl
from tests.generator import vocabulary as voc
from tests.generator.fields import MORE
from tests.generator.kinds import KINDS
from tests.generator.pools import Pool
from tests.generator.topics import TOPICS

_SLOT = re.compile(r"\{(\w+)\}")
_HAN = re.compile(r"[\u4e00-\u9fff]")
SET_PIECE = 8  # fixed Han characters in a row that make a template a set piece


def _set_piece_scale(template: str) -> float:
    """How much less often to draw a template with a long fixed clause than one without.

    A template is mostly slots with a few fixed words ("{L}强调，要{vps}，{tg}。") or a set
    piece ("要强化要素保障，在资金、用地、人才等方面给予大力支持"). A set piece reads the
    same wherever it turns up, so it is drawn a quarter as often: in a real paper such a
    clause recurs, but not in every other article.
    """
    fixed = max(len(_HAN.findall(part)) for part in _SLOT.split(template))
    return 0.25 if fixed >= SET_PIECE else 1.0


def _pools(*named: tuple[str, tuple[str, ...]], offset: float = 1.5) -> dict[str, Pool]:
    return {name: Pool(items, offset=offset) for name, items in named}


def _verb_phrases() -> list[str]:
    """Verb + object phrases composed from VERB_OBJECTS, commonest verbs' phrases first."""
    by_rank: list[list[str]] = []
    for line in voc.VERB_OBJECTS:
        verb, *objects = line.split()
        by_rank.append([verb + obj for obj in objects])
    # Interleave so that each verb's first objects come before any verb's last ones.
    phrases = []
    for depth in range(max(map(len, by_rank))):
        phrases += [row[depth] for row in by_rank if depth < len(row)]
    return phrases


def word_pools() -> dict[str, Pool]:
    """The pools of words and clauses that do not depend on the article's topic, by slot."""
    pools = _pools(
        ("adv", voc.ADVERBS),
        ("subj", voc.SUBJECTS),
        ("time", voc.TIMES),
        ("conn", voc.CONNECTORS),
        ("say", voc.SAY),
        ("meeting", voc.MEETINGS),
        ("venue", voc.VENUES),
        ("ord", voc.ORDINALS),
        ("bureau_any", voc.BUREAUS),
        ("occ_any", voc.OCCUPATIONS),
        ("product", voc.PRODUCTS),
        ("cunit", voc.COUNT_UNITS),
        ("scene", snt.SCENES),
        ("story", snt.STORIES),
        ("honor", snt.HONORS),
        ("gf", snt.GENERAL_FACTS),
        ("site", snt.SITE_DEMANDS),
        ("serve", evd.SERVINGS),
        ("liveliness", evd.LIVELINESS),
        ("repute", evd.REPUTES),
        ("begin", evd.BEGINNINGS),
        ("weather", evd.WEATHER),
        ("food", evd.FOODS),
        ("animal", evd.ANIMALS),
        ("idiom", evd.IDIOMS),
        ("look", evd.LOOKS),
        ("crop", evd.CROPS),
        ("tree", evd.TREES),
        ("gadget", evd.APPLIANCES),
        ("morning", evd.MORNINGS),
        ("chore", evd.CHORES),
    )
    # Long lists of stock phrases: flatter, so that no one phrase is in every article.
    pools["sp"] = Pool(voc.SET_PHRASES, offset=10)
    pools["vo"] = Pool(_verb_phrases(), offset=10)
    pools["gq"] = Pool(voc.GENERAL_QUOTES + fml.QUOTES, offset=10)
    # Stock clauses and the ways of saying one formula: nearly even, none the default.
    for slot, items in (
        ("res", voc.RESULTS),
        ("imp", voc.IMPORTANCE),
        ("concern", voc.CONCERNS),
        ("close", voc.CLOSINGS),
        ("principle", voc.PRINCIPLES),
        ("ensure", voc.ENSURE),
        ("caveat", voc.CAVEATS),
        ("taskforce", voc.TASKFORCES),
        ("unite", voc.UNITE),
        ("gain", voc.GAINS),
        ("followup", voc.FOLLOW_UPS),
        ("done", voc.DONE),
        ("attitude", voc.ATTITUDES),
        ("phase", fml.PHASES),
        ("pressure", fml.PRESSURES),
        ("manner", fml.MANNERS),
        ("plan", fml.PLANS),
        ("premise", fml.PREMISES),
        ("duty", fml.DUTIES),
        ("found", fml.FOUND),
        ("standard", fml.STANDARDS),
        ("assess", fml.ASSESSMENTS),
        ("slack", fml.SLACKERS),
        ("report", fml.REPORTS),
        ("reply", fml.REPLIES),
        ("study", fml.STUDIES),
        ("cadence", fml.CADENCES),
        ("onsite", fml.ONSITE),
        ("media", fml.MEDIA),
        ("aware", fml.AWARENESS),
        ("vanguard", fml.VANGUARDS),
        ("laggard", fml.LAGGARDS),
        ("deadline", fml.DEADLINES),
        ("key", fml.KEYS),
        ("idle", evd.IDLING),
        ("outcome", fml.OUTCOMES),
        ("facility_outcome", fml.FACILITY_OUTCOMES),
    ):
        pools[slot] = Pool(items, offset=6)
    return pools


def topic_pools() -> list[dict[str, Pool]]:
    """Each topic's pools (``t`` theme, ``tn`` nouns, ``va`` actions, …), in TOPICS order."""
    return [
        _pools(
            ("t", t.themes),
            ("tn", t.nouns + MORE[t.themes[0]].nouns),
            ("va", t.actions + MORE[t.themes[0]].actions),
            ("tg", t.goals + MORE[t.themes[0]].goals),
            ("tf", t.facts + MORE[t.themes[0]].facts),
            ("bureau", t.bureaus),
            ("tq", t.quotes + MORE[t.themes[0]].quotes),
            ("occ", t.people),
            ("act", t.activities),
            offset=3,
        )
        for t in TOPICS
    ]


def sentence_pools() -> dict[int, Pool]:
    """A pool for each list of sentence templates, keyed by the list's ``id``."""
    return {
        id(items): Pool(items, offset=10, scale=[_set_piece_scale(t) for t in items])
        for items in (
            *(k.leads for k in KINDS),
            *(m for k in KINDS for m, _ in k.middle),
            *(k.endings for k in KINDS if k.endings),
            *(k.headlines for k in KINDS if k.headlines),
            tpl.KICKERS,
            tpl.SUBTITLES,
            details.QUOTES,
            details.STORIES,
        )
    }
