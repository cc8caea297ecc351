"""Genres and skills in roster cells normalised through the vocabulary, in either language and any spelling."""

from hypothesis import given, settings, strategies as st

from pairing.calendar import DEFAULT_CALENDAR
from pairing.importer.cells import CellParser
from pairing.importer.slots import SlotParser
from pairing.importer.terms import TermNormaliser
from pairing.vocabulary import BUILTIN, BUILTIN_TERMS


def cells(vocabulary=BUILTIN) -> CellParser:
    return CellParser(SlotParser(DEFAULT_CALENDAR), TermNormaliser(vocabulary))


term = st.sampled_from(BUILTIN_TERMS)


@st.composite
def spelling(draw):
    """A term written as a roster might: any of its names, in any case, padded."""
    chosen = draw(term)
    name = draw(st.sampled_from((chosen.key, chosen.en, chosen.zh, *chosen.synonyms)))
    name = draw(st.sampled_from((name, name.upper(), name.title(), name.lower())))
    return chosen, f"{' ' * draw(st.integers(0, 2))}{name}{' ' * draw(st.integers(0, 2))}"


@settings(max_examples=60, deadline=None)
@given(st.lists(spelling(), min_size=1, max_size=5), st.sampled_from(["；", "、", ";", "|", ",", "，"]))
def test_any_spelling_of_known_terms_gives_their_keys_and_no_unknowns(written, separator):
    kind = written[0][0].kind
    written = [(t, text) for t, text in written if t.kind == kind]
    field = "genres" if kind == "genre" else "needs"
    keys, unknown = cells().parse(field, separator.join(text for _, text in written))
    assert keys == tuple(dict.fromkeys(t.key for t, _ in written)) and unknown == ()


@settings(max_examples=30, deadline=None)
@given(st.text(st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")), min_size=4, max_size=10))
def test_unknown_terms_are_kept_as_hyphenated_keys_and_reported(word):
    text = f"neo {word}"
    parser = cells()
    keys, unknown = parser.parse("genres", text)
    if BUILTIN.find("genre", text) is None:
        assert keys == (f"neo-{word}",) and unknown == (("genre", f"neo-{word}", text),)


def test_skill_levels_survive_normalisation_and_the_higher_level_wins():
    skills, unknown = cells().parse("skills", "剪辑：4; editing:2; 摄影; DI grading:5")
    assert skills == {"editing": 4, "cinematography": 3, "di-grading": 5} and unknown == ()


def test_custom_terms_of_the_program_are_known():
    vocabulary = BUILTIN.with_custom("genre", ["neo-noir"])
    assert cells(vocabulary).parse("genres", "Neo-Noir; 剧情") == (("neo-noir", "drama"), ())


def test_parsed_skill_dicts_are_not_shared_between_rows():
    parser = cells()
    first, _ = parser.parse("skills", "vfx:5")
    first["vfx"] = 1
    assert parser.parse("skills", "vfx:5")[0] == {"vfx": 5}
