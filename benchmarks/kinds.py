"""The kinds of article a county paper prints, for the benchmark generator.

A meeting report opens with who met and who spoke, goes on with what the speaker demanded,
and ends with who attended; a feature opens on a scene and is mostly about one person; a
short item is one or two paragraphs. Each kind names the sentence lists its paragraphs draw
from, and how often.
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks import everyday as evd
from benchmarks import sentences as snt
from benchmarks import templates as tpl


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
        30,
        tpl.MEETING_LEADS,
        ((snt.SPEECH, 4), (snt.MEETING, 2), (snt.PROGRESS, 1)),
        tpl.ATTENDANCE,
        (),
        ending_share=0.8,
    ),
    Kind(
        15,
        tpl.VISIT_LEADS,
        ((snt.VISIT, 4), (snt.SPEECH, 2), (snt.PROGRESS, 1), (snt.PEOPLE, 1)),
        tpl.CLOSINGS,
        (),
        ending_share=0.3,
    ),
    Kind(
        30,
        tpl.PROGRESS_LEADS,
        ((snt.PROGRESS, 6), (snt.PEOPLE, 1), (evd.FEATURE_SENTENCES, 0.5), (snt.SPEECH, 1)),
        tpl.CLOSINGS,
        tpl.PROGRESS_HEADLINES,
    ),
    Kind(
        12,
        tpl.FEATURE_LEADS,
        ((snt.PEOPLE, 4), (evd.FEATURE_SENTENCES, 3), (snt.PROGRESS, 2)),
        tpl.CLOSINGS,
        tpl.FEATURE_HEADLINES,
        ending_share=0.4,
    ),
    Kind(13, tpl.BRIEF_LEADS, ((tpl.BRIEF_SENTENCES, 1),), (), (), 0),
)
BRIEF = KINDS[-1]
