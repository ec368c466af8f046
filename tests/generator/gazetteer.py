"""The long tail of a generated county's names: hamlets, hills, waters, dishes, dialect words.

A real county paper over ten years names thousands of small things once or twice: the
自然村 a road was built to, the hill behind a village, an old temple, a local dish, a crop
variety, a dialect word a villager uses. They are what make its term dictionary large. Here
they are made up per seed from the wide character inventory (:mod:`tests.generator.charset`)
and the word lists of :mod:`tests.generator.lexicon`, a few thousand of them, each kind drawn
Zipf-like so that a handful recur and most turn up rarely.
"""

from __future__ import annotations

import random

from tests.generator import lexicon as lex
from tests.generator.charset import CharPool
from tests.generator.pools import Pool, unique
from tests.generator.vocabulary import SURNAMES

# Crops a variety's name is of (晋谷21号 is a millet), by their one-character abbreviation.
CROP_CHARS = "谷麦豆玉薯椒棉黍"
# What dialect words look like in the north: 圪 and 老 in front, 子 and 溜 behind.
DIALECT_SHAPES = ("圪{}", "{}{}", "{}子", "老{}", "{}{}子", "{}溜", "{}不{}")


class Gazetteer:
    """Made-up names of one county's small places and things, each kind with its pool.

    Attributes:
        chars: the character pool names are made of (rarer characters less often).
        pools: a :class:`Pool` per kind, keyed by the template slot that draws it:
            ``hamlet`` (自然村), ``hill``, ``water``, ``bldg`` (an old building),
            ``dish``, ``dialect``, ``craft``, ``variety`` (a crop variety).
    """

    def __init__(self, seed: int, chars: CharPool) -> None:
        self.chars = chars
        rnd = random.Random(f"{seed}:gazetteer")
        # (slot, maker, how many, Zipf offset: the larger, the flatter)
        kinds = (
            ("hamlet", self._hamlet, 5000, 40),
            (
                "hill",
                lambda r: self.word(r, r.choice((1, 2, 2))) + r.choice(lex.HILL_KINDS),
                600,
                20,
            ),
            (
                "water",
                lambda r: self.word(r, r.choice((1, 2))) + r.choice(lex.WATER_KINDS),
                500,
                20,
            ),
            ("bldg", lambda r: self.word(r, 2) + r.choice(lex.BUILDING_KINDS), 800, 30),
            ("dish", self._dish, 1200, 20),
            ("dialect", self._dialect, 2500, 50),
            ("craft", lambda r: self.word(r, 2) + r.choice(lex.CRAFT_KINDS), 400, 20),
            (
                "variety",
                lambda r: f"{self.word(r, 1)}{r.choice(CROP_CHARS)}{r.randint(1, 40)}号",
                400,
                20,
            ),
        )
        self.pools = {
            slot: Pool(unique(make, rnd, count), offset=offset)
            for slot, make, count, offset in kinds
        }

    def word(self, rnd: random.Random, length: int) -> str:
        """``length`` characters of the inventory, drawn by their weights."""
        return "".join(self.chars.draw(rnd) for _ in range(length))

    def _hamlet(self, rnd: random.Random) -> str:
        """A 自然村: 柳湾, 蓼子坪, 郝家洼 (a surname before 家)."""
        root = rnd.choice(lex.HAMLET_ROOTS)
        if root.startswith("家"):
            return (rnd.choice(SURNAMES) if rnd.random() < 0.6 else self.word(rnd, 1)) + root
        return self.word(rnd, rnd.choice((1, 2, 2))) + root

    def _dish(self, rnd: random.Random) -> str:
        """A local dish: 荞面饸饹 after what it is made of, or 岚泉油糕 after where."""
        kind = rnd.choice(lex.DISH_KINDS)
        if rnd.random() < 0.3:
            return rnd.choice(lex.INGREDIENTS[:16]) + kind
        return self.word(rnd, 2) + kind

    def _dialect(self, rnd: random.Random) -> str:
        """A dialect word such as 圪蹴 or 老憨."""
        shape = rnd.choice(DIALECT_SHAPES)
        return shape.format(*(self.chars.draw(rnd) for _ in range(shape.count("{}"))))
