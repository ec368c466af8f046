"""The kinds of article a county paper prints, for the benchmark generator.

A meeting report opens with who met and who spoke, goes on with what the speaker demanded,
and ends with who attended; a feature opens on a scene and is mostly about one person; a
short item is one or two paragraphs. Each kind names the sentence lists its paragraphs draw
from, and how often.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.generator import details as det
from tests.generator import everyday as evd
from tests.generator import sentences as snt
from tests.generator import templates as tpl


@dataclass(frozen=True)
class Kind:
    """A kind of article: how it opens, what its middle paragraphs are made of, how it ends."""

    weight: float
    leads: tuple[str, ...]  # a lead may bring its own headline, before " | "
    middle: tuple[tuple[tuple[str, ...], float], ...]  # (sentences, weight)
    endings: tuple[str, ...]
    headlines: tuple[str, ...]
    ending_share: float = 0.6


KINDS = (
    Kind(
        22,
        tpl.MEETING_LEADS,
        (
            (snt.SPEECH, 4),
            (snt.MEETING, 2),
            (snt.PROGRESS, 1),
            (det.DOCUMENTS, 1),
            (det.WORKS, 0.5),
        ),
        tpl.ATTENDANCE,
        (),
        ending_share=0.8,
    ),
    Kind(
        14,
        tpl.VISIT_LEADS,
        (
            (snt.VISIT, 4),
            (snt.SPEECH, 2),
            (snt.PROGRESS, 1),
            (snt.PEOPLE, 1),
            (det.WORKS, 0.8),
            (det.HISTORY, 0.5),
            (det.PRODUCTS, 0.5),
        ),
        tpl.CLOSINGS,
        (),
        ending_share=0.3,
    ),
    Kind(
        28,
        tpl.PROGRESS_LEADS,
        (
            (snt.PROGRESS, 6),
            (snt.PEOPLE, 1),
            (evd.FEATURE_SENTENCES, 0.5),
            (snt.SPEECH, 1),
            (det.WORKS, 1),
            (det.PRODUCTS, 0.7),
            (det.LIFE, 0.3),
        ),
        tpl.CLOSINGS,
        tpl.PROGRESS_HEADLINES,
    ),
    Kind(
        14,
        tpl.FEATURE_LEADS,
        (
            (snt.PEOPLE, 4),
            (evd.FEATURE_SENTENCES, 3),
            (snt.PROGRESS, 2),
            (det.HISTORY, 1.5),
            (det.LIFE, 3),
            (det.PRODUCTS, 1.5),
        ),
        tpl.CLOSINGS,
        tpl.FEATURE_HEADLINES,
        ending_share=0.4,
    ),
    Kind(
        12,
        tpl.SOCIAL_LEADS,
        (
            (det.LIFE, 3),
            (det.HISTORY, 2),
            (det.PRODUCTS, 2),
            (snt.PEOPLE, 2),
            (det.WORKS, 0.4),
            (evd.FEATURE_SENTENCES, 1),
        ),
        tpl.SOCIAL_ENDINGS,
        (),
        ending_share=0.5,
    ),
    Kind(13, tpl.BRIEF_LEADS, ((tpl.BRIEF_SENTENCES + det.BRIEF, 1),), (), (), 0),
)
BRIEF = KINDS[-1]
