"""County-news articles from templates, topic vocabularies and a cast, for the benchmark generator.

Each article has a kind (meeting report, an official's visit, progress report, feature, short
item), a topic and a small cast (an official, a town, a village, a villager); its paragraphs
are templates (:mod:`tests.generator.templates`, :mod:`tests.generator.sentences`) filled with words
drawn, commonest first, from the topic's lists and the general vocabulary. A template, a fact
or a quote is not used twice in one article if another turns up. All randomness comes from
one seeded stream.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.generator import details, phrases, wordpools
from tests.generator import templates as tpl
from tests.generator import vocabulary as voc
from tests.generator.cast import Cast, head_of
from tests.generator.kinds import BRIEF, KINDS, Kind
from tests.generator.pools import Pool
from tests.generator.topics import BUILDING, FARMING, TOPICS

_SLOT = re.compile(r"\{(\w+)\}")
ROUND = (50, 100, 200, 300, 500, 600, 800, 1000, 1200, 1500, 2000, 3000, 5000)


@dataclass
class Draft:
    """An article before layout: headings, paragraphs and the names of its byline."""

    title: str
    kicker: str = ""
    subtitle: str = ""
    paragraphs: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)


def _congress(date: dt.date) -> str:
    """The latest Party congress by ``date`` (its spirit is what meetings study)."""
    if date < dt.date(2017, 10, 18):
        return "党的十八大"
    if date < dt.date(2022, 10, 16):
        return "党的十九大"
    return "党的二十大"


class Prose:
    """Writes articles; one instance per generated archive (it owns the random stream)."""

    def __init__(self, rnd: random.Random, cast: Cast) -> None:
        self.rnd = rnd
        self.cast = cast
        self.pools = wordpools.word_pools()
        self.topic_weights = [t.weight for t in TOPICS]
        self.kind_weights = [k.weight for k in KINDS]
        self.topic_pools = wordpools.topic_pools()
        self.sentence_pools = wordpools.sentence_pools()
        self.fill = self._fillers()
        # The article being written (set by ``_cast_article``).
        self.tp = self.topic_pools[0]
        self.date = dt.date(2015, 1, 1)
        self.theme = self.meeting = self.ordinal = self.activity = self.who = ""
        self.town = self.village = self.person = self.occupation = self.leader = ""
        self.last_noun = ""
        self.role = 0
        self.used: set[str] = set()  # templates and sentences used in this article

    def _fillers(self) -> dict[str, Callable[[], str]]:
        rnd = self.rnd
        cast = self.cast
        pools = self.pools
        fresh = self._fresh
        fill: dict[str, Callable[[], str]] = {
            name: (lambda p=pool: p.draw(rnd)) for name, pool in pools.items()
        }
        fill.update(
            {
                "gq": lambda: (
                    fresh(pools["gq"], 6) if rnd.random() < 0.5 else self.sentence(details.QUOTES)
                ),
                "story": lambda: (
                    fresh(pools["story"], 6)
                    if rnd.random() < 0.5
                    else self.sentence(details.STORIES)
                ),
                "scene": lambda: fresh(pools["scene"], 4),
                "vp": lambda: self._verb_phrase(),
                "vps": lambda: "，".join(self._verb_phrases(rnd.choice((2, 2, 3)))),
                "va": lambda: fresh(self.tp["va"], 2),
                "T": lambda: self.theme,
                "t": lambda: self.theme if rnd.random() < 0.75 else self.tp["t"].draw(rnd),
                "t2": lambda: self._topic_pools()["t"].draw(rnd),
                "tn": self._noun,
                "tg": self._goal,
                "tf": self._fact,
                "tq": lambda: fresh(self.tp["tq"], 6),
                "A": lambda: self.activity,
                "occ": lambda: (
                    self.tp["occ"].draw(rnd) if rnd.random() < 0.7 else pools["occ_any"].draw(rnd)
                ),
                "bureau": self._bureau,
                "bureaus": lambda: "、".join(
                    dict.fromkeys(self._bureau() for _ in range(rnd.randint(2, 4)))
                ),
                "W": lambda: self.who,
                "who": lambda: self.who if rnd.random() < 0.8 else self.pools["subj"].draw(rnd),
                "M": lambda: self.meeting,
                "O": lambda: self.ordinal,
                "L": lambda: self.leader,
                "LR": lambda: voc.LEADER_ROLES[self.role] + self.leader,
                "R": self._other_leader,
                "leaders": lambda: "、".join(
                    dict.fromkeys(
                        cast.leader(cast.draw_role(rnd, self.role), self.date.year)
                        for _ in range(rnd.randint(2, 5))
                    )
                ),
                "Z": lambda: self.town,
                "town": lambda: self.town if rnd.random() < 0.6 else cast.town_pool.draw(rnd),
                "town2": self._other_town,
                "V": lambda: self.village,
                "vil": lambda: self.town + self.village,
                "place": lambda: self.village if rnd.random() < 0.7 else cast.place_pool.draw(rnd),
                "P": lambda: self.person,
                "Q": lambda: self.occupation,
                "person": lambda: cast.person(rnd),
                "org": lambda: (
                    cast.coop_pool.draw(rnd)
                    if self.tp is self.topic_pools[FARMING] and rnd.random() < 0.7
                    else cast.org_pool.draw(rnd)
                ),
                "reporter": lambda: cast.reporter_pool.draw(rnd),
                "ZS": lambda: self._official(self.town, "党委书记"),
                "ZH": lambda: self._official(
                    self.town, "镇长" if self.town[-1] == "镇" else "乡长"
                ),
                "BH": lambda: self._official(
                    bureau := self.tp["bureau"].draw(rnd), head_of(bureau)
                ),
                "VS": lambda: self._official(self.village, "党支部书记", self.town),
                "names": lambda: "、".join(
                    dict.fromkeys(cast.person(rnd) for _ in range(rnd.randint(3, 7)))
                ),
                "shop": lambda: cast.shop(rnd),
                "street": lambda: cast.street_pool.draw(rnd),
                "brand": lambda: cast.brand(rnd),
                "sight": lambda: cast.sight_pool.draw(rnd),
                "n": lambda: str(rnd.choice((2, 3, 3, 4, 5, 6, 8, 10, 12, 15, 20, 26))),
                "s": lambda: str(int(10 ** rnd.uniform(0.7, 2.3))),
                "k": lambda: str(int(10 ** rnd.uniform(1, 3.6))),
                "r": lambda: str(rnd.choice(ROUND)),
                "m": lambda: str(int(10 ** rnd.uniform(1.5, 5))),
                "pc": lambda: f"{int(10 ** rnd.uniform(0, 1.4))}.{rnd.randint(0, 9)}",
                "share": lambda: f"{rnd.randint(45, 98)}.{rnd.randint(0, 9)}",
                "size": self._village_size,
                "mo": lambda: str(rnd.randint(1, max(1, self.date.month))),
                "date": self._day,
                "upto": self._up_to,
                "y": lambda: str(self.date.year - rnd.randint(1, 25)),
                "age": lambda: str(rnd.randint(26, 78)),
                "cnt": lambda: str(int(10 ** rnd.uniform(1, 3.3))) + pools["cunit"].draw(rnd),
                "congress": lambda: _congress(self.date),
                "season": lambda: voc.SEASONS[self.date.month],
            }
        )
        extra = details.fillers(rnd, cast)
        assert not extra.keys() & fill.keys(), extra.keys() & fill.keys()
        fill.update(extra)
        return fill

    def _fresh(self, pool: Pool, tries: int) -> str:
        """An item of ``pool`` not yet used in this article, if one turns up in ``tries``."""
        for _ in range(tries):
            item = pool.draw(self.rnd)
            if item not in self.used:
                break
        self.used.add(item)
        return item

    def _verb_phrase(self) -> str:
        rnd = self.rnd
        roll = rnd.random()
        if roll < 0.14:
            return self.pools["adv"].draw(rnd) + self._fresh(self.pools["vo"], 2)
        if roll < 0.22:
            return self._fresh(self.pools["vo"], 2)
        if roll < 0.32:
            return self._fresh(self.pools["sp"], 2)
        if roll < 0.45:
            return self._fresh(self.tp["va"], 2)
        # A verb and head around a noun of the topic: 完善换热站管理制度.
        adverb = self.pools["adv"].draw(rnd) if rnd.random() < 0.3 else ""
        return adverb + phrases.compose(rnd, self._noun(), self.theme)

    def _verb_phrases(self, count: int) -> list[str]:
        """``count`` different verb phrases (fewer if the draws keep repeating)."""
        return list(dict.fromkeys(self._verb_phrase() for _ in range(count)))

    def _bureau(self) -> str:
        if self.rnd.random() < 0.7:
            return self.tp["bureau"].draw(self.rnd)
        return self.pools["bureau_any"].draw(self.rnd)

    def _official(self, office: str, title: str, where: str = "") -> str:
        """The office, the title and the name of who holds it this year: 城关镇党委书记张三."""
        return office + title + self.cast.official(where + office + title, self.date.year)

    def _other_leader(self) -> str:
        role = self.cast.draw_role(self.rnd, self.role)
        return voc.LEADER_ROLES[role] + self.cast.leader(role, self.date.year)

    def _other_town(self) -> str:
        while True:
            town = self.cast.town_pool.draw(self.rnd)
            if town != self.town:
                return town

    def _topic_pools(self) -> dict[str, Pool]:
        """The word pools of a topic drawn by the topics' weights."""
        return self.rnd.choices(self.topic_pools, weights=self.topic_weights)[0]

    def _noun(self) -> str:
        """A noun of the topic, not the same as the one just before."""
        noun = self.tp["tn"].draw(self.rnd)
        for _ in range(3):
            if noun != self.last_noun:
                break
            noun = self.tp["tn"].draw(self.rnd)
        self.last_noun = noun
        return noun

    def _goal(self) -> str:
        """What the work should achieve: the topic's own goals, or 确保 the work or a facility …."""
        rnd = self.rnd
        roll = rnd.random()
        if roll < 0.5:
            return self._fresh(self.tp["tg"], 2)
        noun = self._noun()
        if roll < 0.7 and phrases.is_facility(noun):
            return "确保" + noun + self.pools["facility_outcome"].draw(rnd)
        return "确保" + self.theme + "工作" + self.pools["outcome"].draw(rnd)

    def _building(self) -> bool:
        """Whether the article's topic is one whose work is building things."""
        return any(self.tp is self.topic_pools[i] for i in BUILDING)

    def _fact(self) -> str:
        """A statistic: of the topic, of any field, or (where building is the work) a work done."""
        roll = self.rnd.random()
        if roll < 0.6:
            return self._fresh(self.tp["tf"], 6)
        if roll < 0.8 or not self._building():
            return self._fresh(self.pools["gf"], 4)
        return self.fill["work"]()

    def _up_to(self) -> str:
        """The 截至…月底 of a progress report: the end of a month already past."""
        month = self.rnd.randint(0, self.date.month - 1)
        return f"截至{month}月底" if month else "截至去年底"

    def _village_size(self) -> str:
        households = self.rnd.randint(120, 1500)
        people = int(households * self.rnd.uniform(2.6, 3.6))
        return f"{households}户、{people}口人，耕地{int(people * self.rnd.uniform(0.8, 2.5))}亩"

    def _day(self) -> str:
        day = self.date - dt.timedelta(days=self.rnd.randint(0, 6))
        return f"{day.month}月{day.day}日"

    def expand(self, template: str) -> str:
        """``template`` with every slot filled (recursively)."""
        return _SLOT.sub(self._slot, template)

    def _slot(self, match: re.Match[str]) -> str:
        text = self.fill[match.group(1)]()
        return _SLOT.sub(self._slot, text) if "{" in text else text

    def sentence(self, items: tuple[str, ...]) -> str:
        """One filled template of ``items``, if possible one not used yet in this article."""
        return self.expand(self._fresh(self.sentence_pools[id(items)], 2))

    def _cast_article(self, date: dt.date) -> Kind:
        rnd = self.rnd
        cast = self.cast
        pools = self.pools
        self.used = set()
        self.date = date
        self.tp = tp = self._topic_pools()
        self.theme = tp["t"].draw(rnd)
        self.meeting = pools["meeting"].draw(rnd)
        self.ordinal = pools["ord"].draw(rnd)
        self.activity = tp["act"].draw(rnd)
        self.town = cast.town_pool.draw(rnd)
        self.village = cast.village_pools[self.town].draw(rnd)
        roll = rnd.random()
        self.who = self.town if roll < 0.5 else self._bureau() if roll < 0.9 else "我县"
        self.person = cast.person(rnd)
        self.occupation = tp["occ"].draw(rnd) if rnd.random() < 0.7 else pools["occ_any"].draw(rnd)
        self.role = cast.draw_role(rnd)
        self.leader = cast.leader(self.role, date.year)
        return rnd.choices(KINDS, weights=self.kind_weights)[0]

    def article(self, date: dt.date, length: int) -> Draft:
        """An article of about ``length`` characters (short items are one or two paragraphs)."""
        rnd = self.rnd
        kind = self._cast_article(date)
        headline, _, lead = self.sentence(kind.leads).rpartition(" | ")
        draft = Draft(title=headline or self.sentence(kind.headlines))
        if kind is not BRIEF and rnd.random() < 0.12:
            draft.kicker = self.sentence(tpl.KICKERS)
            draft.title = " ".join(
                self._fresh(self.pools["sp"], 3) for _ in range(rnd.choice((2, 3)))
            )
        if kind.headlines and rnd.random() < 0.2:
            draft.subtitle = self.sentence(tpl.SUBTITLES)
        middles = [m for m, _ in kind.middle]
        # Works (硬化村道3.2公里) fill reports on building, not those on schools or the Party.
        building = self._building()
        weights = [w if building or m is not details.WORKS else w / 5 for m, w in kind.middle]
        if kind is BRIEF:
            draft.paragraphs.append(lead + self._sentences(middles[0], 1, 3))
            if rnd.random() < 0.4:
                draft.paragraphs.append(self._sentences(middles[0], 1, 2))
        else:
            draft.paragraphs.append(lead)
            written = len(lead)
            while written < length:
                paragraph = self._sentences(rnd.choices(middles, weights=weights)[0], 1, 4)
                draft.paragraphs.append(paragraph)
                written += len(paragraph)
            if kind.endings and rnd.random() < kind.ending_share:
                draft.paragraphs.append(self.sentence(kind.endings))
        draft.byline = list(
            dict.fromkeys(
                self.cast.reporter_pool.draw(rnd) for _ in range(rnd.choice((1, 1, 2, 2, 3)))
            )
        )
        if rnd.random() < 0.2:
            draft.byline.append(self.cast.name_pool.draw(rnd))  # a correspondent
        return draft

    def _sentences(self, items: tuple[str, ...], least: int, most: int) -> str:
        """A paragraph: after its first sentence, the official or person is "他"."""
        sentences = [self.sentence(items) for _ in range(self.rnd.randint(least, most))]
        for n in range(1, len(sentences)):
            for name in (self.leader, self.person):
                if sentences[n].startswith(name) and self.rnd.random() < 0.7:
                    sentences[n] = "他" + sentences[n][len(name) :]
        return "".join(sentences)
