"""Settings: defaults, round trips through the ini file, unknown keys, damaged values."""

from __future__ import annotations

import pytest

from reader.ui.core import settings


def test_defaults_and_round_trip(user_settings):
    assert settings.path() == user_settings
    assert settings.read("recent") == []
    assert settings.read("zoom") == 0
    assert settings.read("original_text") is False
    settings.write(recent=["/a/一"], zoom=3, original_text=True, positions={"/a": {"issue": "x"}})
    assert settings.read("recent") == ["/a/一"]
    assert settings.read("zoom") == 3
    assert settings.read("original_text") is True
    assert settings.read("positions") == {"/a": {"issue": "x"}}
    assert user_settings.exists()


def test_a_one_element_list_stays_a_list(user_settings):
    settings.write(splitter=[300])
    assert settings.read("splitter") == [300]


def test_unknown_key_raises_before_writing(user_settings):
    with pytest.raises(KeyError):
        settings.read("colour")
    with pytest.raises(KeyError):
        settings.write(zoom=2, colour="red")
    assert settings.read("zoom") == 0


def test_damaged_value_falls_back_to_the_default(user_settings):
    user_settings.parent.mkdir(parents=True, exist_ok=True)
    user_settings.write_text("[General]\nzoom=lots\nrecent=not json\n", encoding="utf-8")
    assert settings.read("zoom") == 0
    assert settings.read("recent") == []


def test_remember_puts_the_newest_first_without_duplicates(user_settings):
    for path in ["a", "b", "a", "c"]:
        settings.remember("recent", path, 2)
    assert settings.read("recent") == ["c", "a"]
