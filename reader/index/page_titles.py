"""A term worded as the Chinese window shows a made-up page title (第6版) also finds that title.

An importer that knows no title for a page titles it ``Page 6``, and so the index holds it
(:func:`reader.model.vocabulary.page_title`); the Chinese interface shows it as 第6版. A
reader who types what they saw gets both: the text 第6版, or a made-up title of page 6
(the title ``Page 6`` on page 6, as the window tells one). The query is rewritten before any
search runs it, so the index, the direct reading and the scan all answer the same query.
"""

from __future__ import annotations

from reader.index.query import AllOf, AnyOf, Node, Not, Term
from reader.model.vocabulary import page_of_chinese_title, page_title


def with_made_up_titles(node: Node) -> Node:
    """``node`` with each plain or ``title:`` term like 第6版 also matching the made-up title."""
    if isinstance(node, Term):
        number = page_of_chinese_title(node.text) if node.field in (None, "title") else ""
        if not number:
            return node
        made_up = AllOf((Term(page_title(number), "title", phrase=True), Term(number, "page")))
        return AnyOf((node, made_up))
    if isinstance(node, Not):
        return Not(with_made_up_titles(node.node))
    if isinstance(node, AllOf):
        return AllOf(tuple(with_made_up_titles(child) for child in node.nodes))
    if isinstance(node, AnyOf):
        return AnyOf(tuple(with_made_up_titles(child) for child in node.nodes))
    return node
