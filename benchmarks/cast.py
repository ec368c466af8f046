"""The recurring people, places and companies of a generated county, for the benchmark generator.

A real county paper mentions a few officials, towns and reporters all the time and thousands
of villagers, villages and firms now and then; the cast keeps those apart, so that a search
for one villager's name finds a handful of articles and 县委书记 finds many.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate

from benchmarks.vocabulary import (
    BRAND_CHARS,
    COMMUNITY_NAMES,
    GIVEN_FIRST,
    GIVEN_LAST,
    INDUSTRIES,
    LEADER_ROLES,
    PRODUCTS,
    SHOP_KINDS,
    SIGHT_KINDS,
    SURNAMES,
    TOWNS,
    VILLAGE_PREFIXES,
    VILLAGE_ROOTS,
)

FIRST_YEAR = 2015  # the year the generated archive starts; leaders' terms count from it


class Pool:
    """Items drawn with Zipf-like weights by rank: the first far more often than the last."""

    def __init__(self, items: Sequence[str], exponent: float = 1.0, offset: float = 1.0) -> None:
        self.items = tuple(items)
        self.cum = list(accumulate(1 / (rank + offset) ** exponent for rank in range(len(items))))
        self.total = self.cum[-1]
        self.last = len(self.items) - 1

    def draw(self, rnd: random.Random) -> str:
        """One item."""
        return self.items[min(bisect_right(self.cum, rnd.random() * self.total), self.last)]


SURNAME_POOL = Pool(SURNAMES, exponent=0.9, offset=2)
FIRST_POOL = Pool(GIVEN_FIRST, exponent=0.5)
LAST_POOL = Pool(GIVEN_LAST, exponent=0.5)


def person_name(rnd: random.Random) -> str:
    """A plausible Chinese name: a common surname and one or (mostly) two given characters."""
    surname = SURNAME_POOL.draw(rnd)
    if rnd.random() < 0.25:
        return surname + LAST_POOL.draw(rnd)
    return surname + FIRST_POOL.draw(rnd) + LAST_POOL.draw(rnd)


def unique(make: Callable[[random.Random], str], rnd: random.Random, count: int) -> list[str]:
    """``count`` distinct results of ``make(rnd)``, in the order first made."""
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen.setdefault(make(rnd), None)
    return list(seen)


def village_name(rnd: random.Random) -> str:
    """A village (村) or, now and then, a community of the county town (社区)."""
    if rnd.random() < 0.12:
        return rnd.choice(COMMUNITY_NAMES) + "社区"
    root = rnd.choice(VILLAGE_ROOTS)
    if len(root) == 1 or rnd.random() < 0.5:
        root = rnd.choice(VILLAGE_PREFIXES) + root
    return root + "村"


# Characters that local proper names (shops, streets, brands, sights) are made of.
NAME_CHARS = "".join(
    dict.fromkeys("".join((*GIVEN_FIRST, *GIVEN_LAST, *BRAND_CHARS, *VILLAGE_PREFIXES)))
)


def local_name(rnd: random.Random) -> str:
    """Two characters of a local proper name (a shop's, a street's, a brand's)."""
    return rnd.choice(NAME_CHARS) + rnd.choice(NAME_CHARS)


def company_name(rnd: random.Random) -> str:
    """A company such as 宏达建材有限公司."""
    brand = rnd.choice(BRAND_CHARS) + rnd.choice(BRAND_CHARS)
    return brand + rnd.choice(INDUSTRIES)


class Cast:
    """Everyone and everywhere a generated county's paper writes about.

    Attributes:
        names: residents, from the most to the least often mentioned (thousands).
        places: villages and communities, likewise; ``town_of`` gives each one's town and
            ``village_pools`` draws a town's villages.
        towns: the county's towns, the first the most often mentioned.
        orgs: companies and cooperatives.
        reporters: the paper's staff, who sign the articles.
        shops, streets, brands, sights: small local names, each with its pool.
    """

    def __init__(self, seed: int, rnd: random.Random) -> None:
        self.seed = seed
        self.names = unique(person_name, rnd, 20000)
        self.places = unique(village_name, rnd, 600)
        self.towns = list(TOWNS)
        self.town_of = {
            place: self.towns[n % len(self.towns)] for n, place in enumerate(self.places)
        }
        companies = unique(company_name, rnd, 300)
        coops = [
            rnd.choice(self.places).removesuffix("村").removesuffix("社区")
            + rnd.choice(PRODUCTS)
            + "专业合作社"
            for _ in range(200)
        ]
        self.orgs = companies + coops
        self.reporters = unique(person_name, rnd, 24)
        self.shops = unique(lambda r: local_name(r) + r.choice(SHOP_KINDS), rnd, 4000)
        self.streets = unique(
            lambda r: local_name(r) + r.choice(("路", "街", "大街", "大道")), rnd, 300
        )
        self.brands = unique(lambda r: f"“{local_name(r)}”牌", rnd, 1000)
        self.sights = unique(lambda r: local_name(r) + r.choice(SIGHT_KINDS), rnd, 200)
        self.name_pool = Pool(self.names, offset=150)
        self.place_pool = Pool(self.places, offset=150)
        # Each town's villages, nearly evenly mentioned.
        self.village_pools = {
            town: Pool([p for p in self.places if self.town_of[p] == town], offset=20)
            for town in self.towns
        }
        self.town_pool = Pool(self.towns, exponent=0.7)
        self.org_pool = Pool(companies, offset=20)
        self.coop_pool = Pool(coops, offset=20)
        self.reporter_pool = Pool(self.reporters, exponent=0.8)
        self.shop_pool = Pool(self.shops, offset=50)
        self.street_pool = Pool(self.streets, offset=10)
        self.brand_pool = Pool(self.brands, offset=30)
        self.sight_pool = Pool(self.sights, offset=5)
        self.role_pool = Pool([str(n) for n in range(len(LEADER_ROLES))], exponent=1.3)
        self._leaders: dict[tuple[int, int], str] = {}

    def leader(self, role: int, year: int) -> str:
        """Who holds ``LEADER_ROLES[role]`` in ``year`` (terms of three to five years)."""
        terms = random.Random(f"{self.seed}:terms:{role}")
        length = terms.randint(3, 5)
        term = (year - FIRST_YEAR + terms.randrange(length)) // length
        key = (role, term)
        if key not in self._leaders:
            self._leaders[key] = person_name(random.Random(f"{self.seed}:leader:{role}:{term}"))
        return self._leaders[key]

    def draw_role(self, rnd: random.Random, avoid: int = -1) -> int:
        """A leader's role, 县委书记 and 县长 the most often; not ``avoid``."""
        while True:
            role = int(self.role_pool.draw(rnd))
            if role != avoid:
                return role
