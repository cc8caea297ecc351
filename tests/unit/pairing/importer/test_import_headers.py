"""Header names in English and Chinese mapped to fields; misspellings suggested; duplicates caught."""

import pytest

from pairing.importer.headers import HEADER_NAMES, map_columns, suggest_field


@pytest.mark.parametrize("field, name", [(f, n) for f, names in HEADER_NAMES.items() for n in names])
def test_every_header_name_of_the_brief_maps_to_its_field(field, name):
    for spelled in (name, name.upper(), f"  {name} "):
        assert map_columns([spelled]).fields == {0: field}


def test_unknown_columns_are_kept_with_suggestions_for_close_misspellings():
    mapping = map_columns(["Name", "availabilty", "Website", "genere", "角色"])
    assert mapping.fields == {0: "name", 4: "role"}
    assert mapping.unknown == {1: "availabilty", 2: "Website", 3: "genere"}
    assert mapping.suggestions == {1: "availability", 3: "genres"}


def test_duplicate_fields_are_reported():
    mapping = map_columns(["name", "姓名", "role", "type"])
    assert mapping.duplicates() == {"name": [0, 1], "role": [2, 3]}


def test_header_with_bom_and_full_width_colon():
    assert map_columns(["\ufeffid", "姓名："]).fields == {0: "id", 1: "name"}


def test_short_or_unrelated_headers_get_no_suggestion():
    assert suggest_field("x") is None and suggest_field("favourite colour") is None
