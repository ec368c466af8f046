"""The recurring people, places and companies of a generated county, for the benchmark generator.

A real county paper mentions a few officials, towns and reporters all the time and thousands
of villagers, villages and firms now and then; the cast keeps those apart, so that a search
for one villager's name finds a handful of articles and 县委书记 finds many.
"""

from __future__ import annotations

import random

from tests.generator.charset import CharPool
from tests.generator.gazetteer import Gazetteer
from tests.generator.pools import Pool, unique
from tests.generator.vocabulary import (
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
NAMES = 40000  # residents the paper comes back to (a county has some 300,000 people)
ONE_OFF = 0.65  # the share of people named who are met only once


SURNAME_POOL = Pool(SURNAMES, exponent=0.9, offset=2)
FIRST_POOL = Pool(GIVEN_FIRST, exponent=0.5)
LAST_POOL = Pool(GIVEN_LAST, exponent=0.5)


# How often a villager's given-name character is not one of the hand-picked ones.
RARE_GIVEN = 0.45
# Characters that end place names: 朱岭村 would read as a village, not a person.
NOT_GIVEN = set(
    "村庄寨堡屯营店铺镇关门楼阁亭桥塔寺庙宫殿院堂府坊巷街沟峪洼坪峁塬垴嘴口头尾腰背顶底坳坡"
)


def person_name(rnd: random.Random, chars: CharPool | None = None) -> str:
    """A plausible Chinese name: a common surname and one or (mostly) two given characters.

    With ``chars``, some given-name characters come from that wider inventory.
    """

    def given(pool: Pool) -> str:
        if not chars or rnd.random() >= RARE_GIVEN:
            return pool.draw(rnd)
        while (char := chars.draw(rnd)) in NOT_GIVEN:
            pass
        return char

    surname = SURNAME_POOL.draw(rnd)
    if rnd.random() < 0.25:
        return surname + given(LAST_POOL)
    return surname + given(FIRST_POOL) + given(LAST_POOL)


def village_name(rnd: random.Random) -> str:
    """A village (村) or, now and then, a community of the county town (社区)."""
    if rnd.random() < 0.12:
        return rnd.choice(COMMUNITY_NAMES) + "社区"
    root = rnd.choice(VILLAGE_ROOTS)
    if len(root) == 1 or rnd.random() < 0.5:
        root = rnd.choice(VILLAGE_PREFIXES) + root
    return root + "村"


# Characters that local proper names (shops, streets, brands, sights) are mostly made of.
LOCAL_CHARS = "".join(
    dict.fromkeys("".join((*GIVEN_FIRST, *GIVEN_LAST, *BRAND_CHARS, *VILLAGE_PREFIXES)))
)


def local_name(rnd: random.Random, chars: CharPool) -> str:
    """Two characters of a local proper name (a shop's, a street's, a brand's)."""
    return "".join(rnd.choice(LOCAL_CHARS) if rnd.random() < 0.5 else chars.draw(rnd) for _ in "ab")


def company_name(rnd: random.Random, chars: CharPool) -> str:
    """A company such as 宏达建材有限公司."""
    brand = "".join(
        rnd.choice(BRAND_CHARS) if rnd.random() < 0.7 else chars.draw(rnd) for _ in "ab"
    )
    return brand + rnd.choice(INDUSTRIES)


# The title of an office's head, by the office's last character (县住建局 → 局长).
HEAD_TITLES = {
    "局": "局长",
    "心": "主任",
    "办": "主任",
    "司": "总经理",
    "院": "院长",
    "队": "大队长",
    "段": "段长",
    "部": "部长",
    "校": "校长",
    "馆": "馆长",
    "联": "主席",
    "会": "主席",
    "协": "主席",
    "委": "书记",
}


def head_of(office: str) -> str:
    """The title of the head of ``office``: 局长 of a 局, 主任 of a 中心, else 负责人."""
    return HEAD_TITLES.get(office[-1], "负责人")


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
        chars: the wide character inventory that made-up names draw on.
        gazetteer: the county's hamlets, hills, waters, dishes and other small names.
    """

    def __init__(self, seed: int, rnd: random.Random) -> None:
        self.seed = seed
        self.chars = chars = CharPool(seed)
        self.gazetteer = Gazetteer(seed, chars)
        self.names = unique(lambda r: person_name(r, chars), rnd, NAMES)
        self.places = unique(village_name, rnd, 600)
        self.towns = list(TOWNS)
        self.town_of = {
            place: self.towns[n % len(self.towns)] for n, place in enumerate(self.places)
        }
        companies = unique(lambda r: company_name(r, chars), rnd, 1000)
        coops = [
            rnd.choice(self.places).removesuffix("村").removesuffix("社区")
            + rnd.choice(PRODUCTS)
            + "专业合作社"
            for _ in range(200)
        ]
        self.orgs = companies + coops
        self.reporters = unique(person_name, rnd, 24)
        self.shops = unique(lambda r: local_name(r, chars) + r.choice(SHOP_KINDS), rnd, 6000)
        self.streets = unique(
            lambda r: local_name(r, chars) + r.choice(("路", "街", "大街", "大道")), rnd, 300
        )
        self.brands = unique(lambda r: f"“{local_name(r, chars)}”牌", rnd, 2000)
        self.sights = unique(lambda r: local_name(r, chars) + r.choice(SIGHT_KINDS), rnd, 300)
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
        self._officials: dict[tuple[str, int], str] = {}

    def leader(self, role: int, year: int) -> str:
        """Who holds ``LEADER_ROLES[role]`` in ``year`` (terms of three to five years)."""
        terms = random.Random(f"{self.seed}:terms:{role}")
        length = terms.randint(3, 5)
        term = (year - FIRST_YEAR + terms.randrange(length)) // length
        key = (role, term)
        if key not in self._leaders:
            self._leaders[key] = person_name(random.Random(f"{self.seed}:leader:{role}:{term}"))
        return self._leaders[key]

    def person(self, rnd: random.Random) -> str:
        """Someone the paper names: a resident it meets again, or as often someone met once.

        Most people in a county paper appear in it once; making them up as they come keeps
        the archive's stock of names growing with its size, as a real one's does.
        """
        if rnd.random() < ONE_OFF:
            return person_name(rnd, self.chars)
        return self.name_pool.draw(rnd)

    def shop(self, rnd: random.Random) -> str:
        """A small business: one of the county's well-known ones, or one mentioned once."""
        if rnd.random() < ONE_OFF:
            return local_name(rnd, self.chars) + rnd.choice(SHOP_KINDS)
        return self.shop_pool.draw(rnd)

    def brand(self, rnd: random.Random) -> str:
        """A local brand (“岚泉”牌): a known one, or one mentioned once."""
        if rnd.random() < ONE_OFF:
            return f"“{local_name(rnd, self.chars)}”牌"
        return self.brand_pool.draw(rnd)

    def official(self, office: str, year: int) -> str:
        """Who holds ``office`` (城关镇党委书记, 县住建局局长, a village's 党支部书记) in ``year``.

        Terms last three to six years, so a town's secretary recurs for a while and then
        changes, as the county leaders do (see :meth:`leader`).
        """
        terms = random.Random(f"{self.seed}:terms:{office}")
        length = terms.randint(3, 6)
        term = (year - FIRST_YEAR + terms.randrange(length)) // length
        key = (office, term)
        if key not in self._officials:
            who = random.Random(f"{self.seed}:official:{office}:{term}")
            self._officials[key] = person_name(who, self.chars)
        return self._officials[key]

    def draw_role(self, rnd: random.Random, avoid: int = -1) -> int:
        """A leader's role, 县委书记 and 县长 the most often; not ``avoid``."""
        while True:
            role = int(self.role_pool.draw(rnd))
            if role != avoid:
                return role
