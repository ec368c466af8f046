"""Reasons: catalogue codes with named values, English text, and problems that stay picklable."""

from __future__ import annotations

import errno
import os
import pickle
import re

import pytest

from reader.model import CATALOGUE, CorruptArchive, Problem, Reason, os_reason
from reader.model.reasons import placeholders


def test_every_code_is_a_plain_identifier_with_an_english_sentence():
    assert len(CATALOGUE) >= 40
    for code, template in CATALOGUE.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", code), code
        assert template.strip() == template and template, code
        # A lower-case start: reasons follow "file: " in the CLI and sit in a table column.
        assert not template[0].isupper(), code
        assert all(re.fullmatch(r"[a-z]+", name) for name in placeholders(template)), code


def test_english_text_fills_the_named_values():
    reason = Reason.of("page_missing", mets="issue-mets.xml")
    assert reason.text == "missing: issue-mets.xml lists it as a page"
    assert str(reason) == reason.text
    assert Reason.of("parts_missing_text", count=3).value("count") == "3"
    assert Reason.of("empty_file").values == {}
    assert Reason.of("empty_file").value("detail") == ""


def test_values_are_kept_in_one_order_so_equal_reasons_compare_equal():
    one = Reason.of("importer_failed", importer="nitf", detail="boom")
    other = Reason.of("importer_failed", detail="boom", importer="nitf")
    assert one == other and hash(one) == hash(other)
    assert one.params == (("detail", "boom"), ("importer", "nitf"))


def test_a_value_with_braces_is_not_read_as_a_placeholder():
    reason = Reason.of("not_well_formed_xml", detail="expected '{x}' at {line}")
    assert reason.text.endswith(": expected '{x}' at {line}")


@pytest.mark.parametrize(
    ("code", "values"),
    [
        ("no_such_reason", {}),
        ("empty_file", {"detail": "x"}),
        ("page_missing", {}),
        ("page_missing", {"mets": "a", "extra": "b"}),
    ],
)
def test_unknown_codes_and_wrong_values_are_refused(code, values):
    with pytest.raises(ValueError, match="reason"):
        Reason.of(code, **values)


def test_a_repeated_value_name_is_refused():
    with pytest.raises(ValueError, match="takes the values: mets"):
        Reason("page_missing", (("mets", "a"), ("mets", "b")))


def test_problem_keeps_the_english_reason_and_refuses_free_text():
    problem = Problem("a.txt", Reason.of("empty_file"))
    assert (problem.reason, problem.code) == ("the file is empty", "empty_file")
    with pytest.raises(TypeError, match="Reason"):
        Problem("a.txt", "the file is empty")  # type: ignore[arg-type]


def test_problems_and_errors_survive_pickling():
    problems = (
        Problem("a.xml", Reason.of("not_well_formed_xml", detail="EndTag: '</' not found")),
        Problem("b.zip", Reason.of("zip_bomb", ratio="1,000")),
    )
    assert pickle.loads(pickle.dumps(problems)) == problems
    error = CorruptArchive("/x/a.xml", Reason.of("xml_entities_refused"))
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason, str(copy)) == (error.path, error.reason, str(error))


def test_corrupt_archive_keeps_detail_as_english_text():
    error = CorruptArchive("/x", Reason.of("no_such_path"))
    assert error.detail == "no such file or folder"
    assert str(error) == "/x: no such file or folder"
    with pytest.raises(TypeError, match="Reason"):
        CorruptArchive("/x", "no such file or folder")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (errno.EACCES, "permission_denied"),
        (errno.EPERM, "permission_denied"),
        (errno.ENOENT, "no_such_path"),
        (errno.EISDIR, "is_a_folder"),
        (errno.EIO, "io_error"),
    ],
)
def test_common_os_errors_have_reasons_of_their_own_without_the_systems_words(error, code):
    reason = os_reason(OSError(error, os.strerror(error)))
    assert reason == Reason(code)
    assert os.strerror(error) not in reason.text


def test_other_os_errors_keep_the_systems_words():
    reason = os_reason(OSError(errno.ENAMETOOLONG, "File name too long"))
    assert reason == Reason.of("cannot_read_file", detail="File name too long")
    assert os_reason(OSError("no errno")) == Reason.of("cannot_read_file", detail="no errno")
