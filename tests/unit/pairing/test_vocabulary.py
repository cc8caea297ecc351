"""Genres and skills normalise to canonical English keys from either language."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pairing.vocabulary import BUILTIN, BUILTIN_TERMS, Vocabulary, lookup_key


@pytest.mark.parametrize(
    ("kind", "text", "key"),
    [
        ("genre", "sci-fi", "sci-fi"),
        ("genre", "Science Fiction", "sci-fi"),
        ("genre", " SF ", "sci-fi"),
        ("genre", "科幻", "sci-fi"),
        ("genre", "剧情", "drama"),
        ("genre", "纪录片", "documentary"),
        ("skill", "摄影", "cinematography"),
        ("skill", "Colour Grading", "di-grading"),
        ("skill", "visual_effects", "vfx"),
    ],
)
def test_synonyms_in_both_languages_reach_the_canonical_key(kind, text, key):
    assert BUILTIN.normalise(kind, text).term == key
    assert BUILTIN.normalise(kind, text).known


def test_an_unknown_term_is_kept_with_the_closest_known_term():
    result = BUILTIN.normalise("skill", "Editting")
    assert (result.term, result.known, result.suggestion) == ("editting", False, "editing")


def test_a_term_far_from_everything_gets_no_suggestion():
    assert BUILTIN.normalise("genre", "zzqx").suggestion is None


def test_genres_and_skills_are_separate_vocabularies():
    assert BUILTIN.find("genre", "editing") is None
    assert BUILTIN.find("skill", "drama") is None


def test_labels_follow_the_language():
    assert BUILTIN.label("genre", "sci-fi", "zh") == "科幻"
    assert BUILTIN.label("skill", "vfx", "en") == "VFX"
    assert BUILTIN.label("genre", "space-opera", "zh") == "space-opera"


def test_custom_terms_become_known():
    vocabulary = BUILTIN.with_custom("genre", ["space-opera"])
    assert vocabulary.normalise("genre", "Space Opera").known
    assert not BUILTIN.normalise("genre", "Space Opera").known


def test_every_builtin_name_reaches_its_own_term():
    for term in BUILTIN_TERMS:
        for name in (term.key, term.en, term.zh, *term.synonyms):
            assert BUILTIN.find(term.kind, name) is term, name


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(BUILTIN_TERMS), st.sampled_from(["", " ", "  "]), st.booleans())
def test_case_and_surrounding_space_never_matter(term, pad, upper):
    text = pad + (term.en.upper() if upper else term.en.lower()) + pad
    assert BUILTIN.normalise(term.kind, text).term == term.key


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=20))
def test_normalising_is_idempotent(text):
    first = BUILTIN.normalise("genre", text).term
    assert Vocabulary().normalise("genre", first).term == first or not lookup_key(text)
