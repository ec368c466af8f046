"""The IPTC NewsML-G2 example documents in ../shared/samples (skipped when absent)."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.library import Library
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.open(shared_path("samples/iptc-newsml-g2-examples"), use_cache=False)


def test_the_text_items_are_read(library):
    found = sorted(
        (
            (a.title, a.date, i.publication, a.source.rsplit("/", 1)[-1])
            for i in library.issues
            for a in i.articles
        ),
        key=lambda row: (row[0], str(row[1])),
    )
    assert found == [
        (
            "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.",
            dt.date(2016, 10, 19),
            "www.xmlteam.com",
            "LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
        ),
        (
            "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.",
            None,
            # A bare contentSet: no provider, rights or source names anything.
            "iptc-newsml-g2-examples",
            "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
        ),
        (
            'Fed to halt QE to avert "bubble"',
            dt.date(2016, 10, 18),
            "UK News Service",
            "LISTING_1_A_NewsML-G2_News_Item.xml",
        ),
        (
            'Fed to halt QE to avert "bubble"',
            dt.date(2016, 11, 21),
            # Its provider is a URI alone: the copyright holder names it.
            "Acme News and Media LLC",
            "LISTING_2_NewsML-G2_Text_Document.xml",
        ),
        (
            "Obama annonce son équipe",
            None,
            "Top UK News stories hourly",
            "LISTING_6_Simple_NewsML-G2_Package.xml",
        ),
    ]


def test_bodies_bylines_and_paragraph_counts(library):
    by_file = {a.source.rsplit("/", 1)[-1][:10]: a for i in library.issues for a in i.articles}
    assert len(by_file["LISTING_2_"].paragraphs) == 2
    assert by_file["LISTING_2_"].authors == ("Meredith Jameson",)
    assert by_file["LISTING_2_"].paragraphs[0].startswith("(New York, NY - October 21) Et, sent")
    assert len(by_file["LISTING_22"].paragraphs) == 6
    assert by_file["LISTING_22"].authors == ("Sports Network",)
    assert by_file["LISTING_1_"].paragraphs == ()  # its inlineXML holds only a comment
    assert by_file["LISTING_6_"].paragraphs[0].startswith("Le rachat il y a deux ans")


def test_metadata_only_examples_and_other_files_are_problems(library):
    reasons = {p.source.rsplit("/", 1)[-1]: p.reason for p in library.problems}
    assert reasons == {
        "LISTING_24_News_Message_conveying_a_complete_News_Package.xml": (
            "a NewsML-G2 newsMessage with no headline or text (metadata only)"
        ),
        "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml": (
            "a NewsML-G2 <contentMeta> fragment with no headline or text"
        ),
        "LISTING_29_Hop_History.xml": (
            "a NewsML-G2 newsItem with no headline or text (metadata only)"
        ),
        "ap_metadata_example.xml": "a NewsML-G2 video item: no text to read",
    }


def test_every_article_reads_back_its_original(library):
    for issue in library.issues:
        for article in issue.articles:
            original = library.original_text(article.id)
            assert original.startswith("<"), article.title
