"""A query term's documents read from the index files for :mod:`reader.index.quickquery`.

Per segment a term is looked up in the term table, its posting list decoded into ``array``s
and, for a term the analysis splits into overlapping index terms (a chain: 人民银行 is 人民@0
and 银行@2), the positions intersected, as :mod:`reader.index.ranking` does with numpy. The
work a query would do is counted from the terms' infos before a posting is read: a query
over :data:`WORK_LIMIT` is declined (whoosh and numpy answer it), and so is every posting
read past it.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterator
from itertools import chain as chain_all
from itertools import repeat
from operator import add, floordiv
from typing import TYPE_CHECKING, TypeAlias

from reader.index.fold import fold
from reader.index.layout import CHAIN_FIELDS, searched_fields
from reader.index.query import AllOf, AnyOf, Node, Not, Term
from reader.index.units import chain
from reader.index.w3 import direct

if TYPE_CHECKING:
    from reader.index.quick import QuickIndex, Segment

# Postings and positions read for one query, beyond which numpy is faster than the imports
# it costs (a common bigram of a national daily); the query then goes to whoosh and numpy.
WORK_LIMIT = 400_000
# Documents a date range or a negation may have to list (every live document).
LIST_LIMIT = 200_000
# A chain's position keys are ``docnum * _STRIDE + position - offset``: an odd stride above
# every position (they are below 2**32) and above every offset. An int hashes to itself and a
# set places it by its low bits, so ``docnum << 32 | position`` put a common term's keys in the
# slots of their positions alone, crowded; this stride's low bits (2**32 over the golden ratio)
# spread the documents over the slots: a set of 县委's 26,667 keys (national-5y) is built in
# 139 ns a key, not 176.
_STRIDE = (1 << 32) + 0x9E3779B1

# Per segment holding a term: its index terms' infos with their offsets, and whether they chain.
Plan: TypeAlias = "list[tuple[Segment, list[tuple[bytes, list[int]]], bool]]"


def leaves(node: Node) -> Iterator[Node]:
    """The query's terms, those under a NOT too, and the nodes that list every document: a
    date range, a NOT by itself, an AND of NOTs only (as
    :meth:`reader.index.quickquery.QuickQuery.of` evaluates them)."""
    if isinstance(node, AllOf):
        positives = [child for child in node.nodes if not isinstance(child, Not)]
        if not positives:
            yield node
        for child in node.nodes:
            yield from leaves(child.node if isinstance(child, Not) else child)
    elif isinstance(node, AnyOf):
        for child in node.nodes:
            yield from leaves(child)
    elif isinstance(node, Not):
        yield node
        yield from leaves(node.node)
    else:
        yield node


class Declined(Exception):
    """The query needs what this module does not read, or more work than it is worth."""


class TermReader:
    """The terms of one query, each read once per field, and the work they cost."""

    def __init__(self, index: QuickIndex) -> None:
        self.index = index
        self.work = 0
        self._hits: dict[tuple[str, Term], dict[int, int]] = {}
        self._plans: dict[tuple[str, Term], Plan] = {}

    def hits(self, field: str, term: Term) -> dict[int, int]:
        """A term's documents in one field and how often it occurs in each."""
        key = (field, term)
        found = self._hits.get(key)
        if found is None:
            found = self._hits[key] = self._read_term(field, term)
        return found

    def _read_term(self, field: str, term: Term) -> dict[int, int]:
        result: dict[int, int] = {}
        for segment, lists, chained in self._plan(field, term):
            base = segment.info.base
            if not chained:
                docs, counts, _ = self._postings(segment, lists[0][0], False)
                if field not in CHAIN_FIELDS:  # an exact value: present or not
                    result.update((base + d, 1) for d in docs)
                else:
                    result.update((base + d, n) for d, n in zip(docs, counts, strict=True))
            else:
                for doc, n in self._chain(segment, lists).items():
                    result[base + doc] = n
        return result

    def _plan(self, field: str, term: Term) -> Plan:
        """Per segment that holds the term: its index terms' infos (the rarest first, as the
        ranking reads them: the order bounds the work) with their offsets, and whether they
        chain (positions needed). Looked up once per query and field."""
        key = (field, term)
        found = self._plans.get(key)
        if found is not None:
            return found
        found = self._plans[key] = []
        if field not in CHAIN_FIELDS:
            value = fold(term.text).strip()
            if value:
                for segment in self.index.segments:
                    info = segment.terms.get(field, value.encode("utf-8"))
                    if info is not None:
                        found.append((segment, [(info, [0])], False))
            return found
        links = chain(term.text)
        if links is None:
            return found
        texts = list(dict.fromkeys(text for _, text in links.links))
        offsets = [[o for o, t in links.links if t == text] for text in texts]
        for segment in self.index.segments:
            infos = [segment.terms.get(field, text.encode("utf-8")) for text in texts]
            known = [info for info in infos if info is not None]
            if len(known) < len(infos):
                continue
            rarest = sorted(
                zip(known, offsets, strict=True), key=lambda i: direct.doc_frequency(i[0])
            )
            found.append((segment, rarest, len(links.links) > 1))
        return found

    def check_work(self, node: Node) -> None:
        """Decline before a posting is read when the terms' infos say the query is over the
        work limit, or when it must list every document of an index over the list limit: on
        a national daily's fifty years, reading part of a common term's postings first cost
        more than the whole search through numpy."""
        expected = 0
        for leaf in leaves(node):
            if not isinstance(leaf, Term):
                if self.index.state.count > LIST_LIMIT:
                    raise Declined
                continue
            for field in searched_fields(leaf.field):
                for _, lists, chained in self._plan(field, leaf):
                    for info, _ in lists if chained else lists[:1]:
                        expected += direct.doc_frequency(info)
                        if chained:  # a position per occurrence: the weight, unboosted
                            expected += int(direct.weight(info) / self.index.state.boosts[field])
        if expected > WORK_LIMIT:
            raise Declined

    def _chain(self, segment: Segment, lists: list[tuple[bytes, list[int]]]) -> Counter[int]:
        """Docnums where a chain's terms stand at their offsets, and how often: the keys
        ``docnum * _STRIDE + position - offset`` of each term, intersected (as the ranking's
        ``_chain_hits``, whose result this is; built by ``map`` and ``set`` in C, a posting
        costs no Python bytecode). A key kept is the first term's (offset 0), never negative
        within its document, so floor division gives back its docnum."""
        keys: set[int] | None = None
        for info, offsets in lists:
            docs, counts, places = self._postings(segment, info, True)
            assert places is not None
            for offset in offsets:
                starts = [doc * _STRIDE - offset for doc in docs]
                found = map(add, chain_all.from_iterable(map(repeat, starts, counts)), places)
                keys = set(found) if keys is None else keys.intersection(found)
            if not keys:
                return Counter()
        return Counter(map(floordiv, keys or (), repeat(_STRIDE)))

    def _postings(self, segment: Segment, info: bytes, positions: bool) -> direct.Postings:
        self.work += direct.doc_frequency(info)
        if self.work > WORK_LIMIT:
            raise Declined
        found = direct.postings(info, segment.pst(), positions, self.index.zstd())
        if found is None:
            raise Declined
        docs, counts, places = found
        if places is not None:
            self.work += len(places)
            if self.work > WORK_LIMIT:
                raise Declined
        deleted = segment.info.deleted
        if not deleted:
            return found
        kept_docs: list[int] = []
        kept_counts: list[int] = []
        kept_places: list[int] = []
        at = 0
        for doc, n in zip(docs, counts, strict=True):
            if doc not in deleted:
                kept_docs.append(doc)
                kept_counts.append(n)
                if places is not None:
                    kept_places.extend(places[at : at + n])
            at += n
        return (
            kept_docs,
            kept_counts,
            array("I", kept_places) if places is not None else None,
        )
