"""The public METS/ALTO sample issues in ../shared (skipped when absent): structure and titles."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from reader.cli import main
from reader.library import Library
from tests.conftest import shared_path

EUROPEANA = (
    "samples/europeana-bnf-jdpl-1821/text_preparation/data/sample_data/BNF-EN/JDPL/18210801_1"
)
BNL = (
    "samples/bnl-luxzeit-1858/text_preparation/data/sample_data/Luxembourg/public_domain_006/"
    "2385348_newspaper_luxzeit1858_1858-12-07_01"
)
# Page order, then the logical structMap's order within a page: the adverts of page 1 follow
# its articles, not the whole issue.
EUROPEANA_TITLES = [
    "ALLEMAGNE.",
    "PAYS-BAS-UNIS.",
    "GRANDE-BRETAGNE.",
    "Adv. 1 Page 1",
    "Adv. 2 Page 1",
    "FRANCE.",
    "CHAMBRE DES PAIRS. rt n . • ï O . • •;/ .",
    "ÇHAMRRE DES DEPOTES.",
    "VARIETES.",
    "LOTERIE ROYALE DE FRANCE. A T. J.. I J ■ ■1 / .",
    "COURS DE LA BOURSE. Du 3i juillet.",
    "SPECTACLES DU I€R août,",
    "Adv. 3 Page 4",
]
# The FEUILLETON runs along the foot of page 1; the METS lists it after the section that fills
# pages 1-3, but a reader meets it on page 1.
BNL_ARTICLES = [  # title, language, column
    ("Revue politique.", "fr", "Nicht amtlicher Theil. / PARTIE NON OFFICIELLE."),
    ("Kölnische Zeitung.", "de", "Zeitungsnachrichten. / Nouvelles des journaux."),
    ("Suez et Marseille.", "fr", ""),
    ("Frankfurter Postzeitung", "de", "Zeitungsnachrichten. / Nouvelles des journaux."),
    ("Correspondance Havas.", "fr", "Zeitungsnachrichten. / Nouvelles des journaux."),
    ("Constitutionnel.", "fr", "Zeitungsnachrichten. / Nouvelles des journaux."),
    ("Le Nord.", "fr", "Zeitungsnachrichten. / Nouvelles des journaux."),
    ("ASSEMBLÉE DES ÉTATS.", "fr", "Nicht amtlicher Theil. / PARTIE NON OFFICIELLE."),
    ("Verschiedenes.", "de", "Nicht amtlicher Theil. / PARTIE NON OFFICIELLE."),
    ("PRIX MOYENS DES DENRÉES", "fr", ""),
    ("Paris, 4 décembre 1858.", "fr", "Börsenberichte. — Bourses."),
    ("Anvers, 3 décembre.", "fr", "Börsenberichte. — Bourses."),
] + [(f"Publicité {n} Page 4", "", "Advertisement") for n in range(1, 6)]


@pytest.fixture(scope="module")
def europeana():
    return Library.open(shared_path(EUROPEANA), use_cache=False)


@pytest.fixture(scope="module")
def bnl():
    return Library.open(shared_path(BNL), use_cache=False)


def test_europeana_issue(europeana):
    (issue,) = europeana.issues
    assert issue.publication == "Le Journal des Débats politiques et littéraires"
    assert issue.date == dt.date(1821, 8, 1)
    assert europeana.problems == ()


def test_europeana_ten_articles_and_three_adverts_in_order(europeana):
    articles = europeana.issues[0].articles
    assert [a.title for a in articles] == EUROPEANA_TITLES
    assert [a.column for a in articles].count("Advertisement") == 3
    assert [a.page for a in articles] == ["1"] * 5 + ["2"] * 2 + ["3"] * 2 + ["4"] * 4
    assert {a.language for a in articles} == {"fr"}
    assert all(a.has_text for a in articles)


def test_europeana_text_has_hyphenation_healed(europeana):
    allemagne = europeana.issues[0].articles[0]
    assert allemagne.text.startswith("Vienne ( Autriche ) , 21 juillet.")
    assert "ne sont pas plus favorables. De nouvelles" in allemagne.text
    assert "favo-" not in allemagne.text and "favo " not in allemagne.text
    original = europeana.original_text(allemagne.id)
    assert "plus favo-\n" in original


def test_bnl_issue(bnl):
    (issue,) = bnl.issues
    assert issue.publication == "Luxemburger Zeitung – Journal de Luxembourg"
    assert issue.date == dt.date(1858, 12, 7)
    assert issue.number == "288"
    assert issue.masthead == "Luxemburger Zeitung - Journal de Luxembourg"
    assert bnl.problems == ()


def test_bnl_articles_in_two_languages(bnl):
    articles = bnl.issues[0].articles
    assert [(a.title, a.language, a.column) for a in articles] == BNL_ARTICLES
    assert [a.page for a in articles] == sorted(a.page for a in articles)
    feuilleton = articles[2]
    assert (feuilleton.kicker, feuilleton.authors, feuilleton.page) == (
        "FEUILLETON.",
        ("Barthélémy",),
        "1",
    )
    assert articles[9].subtitle == "vendues au marché de"
    assert articles[1].text.startswith("®enf, 1. Dccembei.")  # the title block is not body text


@pytest.mark.parametrize("sample", [EUROPEANA, BNL], ids=["europeana", "bnl"])
def test_samples_through_the_command_line(sample, capsys):
    folder = str(shared_path(sample))
    assert main(["issues", folder, "--json"]) == 0
    (issue,) = json.loads(capsys.readouterr().out)
    assert main(["articles", folder, issue["id"], "--json"]) == 0
    articles = json.loads(capsys.readouterr().out)
    assert len(articles) == issue["articles"] > 10
    assert main(["show", folder, articles[0]["id"]]) == 0
    shown = capsys.readouterr().out
    assert articles[0]["title"] in shown
    assert main(["show", folder, articles[0]["id"], "--original"]) == 0
    assert capsys.readouterr().out.count("\n") > shown.count("\n")
