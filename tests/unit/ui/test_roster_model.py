"""The roster model and its filter proxy: valid models, bilingual filtering, sorting that keeps selection."""

import pytest
from PySide6.QtCore import Qt

from pairing.domain import Person, Role
from ui.models.roles import ID_ROLE, PERSON_ROLE, SEARCH_ROLE, SORT_ROLE
from ui.models.roster_model import RosterFilterProxy, RosterModel, search_text

from shell_support import sample_people


@pytest.fixture
def model(qtbot):
    model = RosterModel(Role.DIRECTOR)
    model.set_people([p for p in sample_people() if p.role is Role.DIRECTOR])
    return model


@pytest.fixture
def proxy(model):
    proxy = RosterFilterProxy()
    proxy.setSourceModel(model)
    return proxy


def _ids(proxy):
    return [proxy.index(row, 0).data(ID_ROLE) for row in range(proxy.rowCount())]


def test_the_model_passes_the_model_tester(model, qtmodeltester):
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_the_proxy_passes_the_model_tester_while_filtered_and_sorted(proxy, qtmodeltester):
    proxy.set_filter_text("drama")
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)


def test_cells_show_terms_as_labels_and_keep_the_person(model):
    assert model.index(0, 3).data() == "Drama, Coming-of-age"
    assert model.index(0, 0).data(PERSON_ROLE).name == "陈思远"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"


@pytest.mark.parametrize("text, expected", [
    ("科幻", ["D02"]),            # a Chinese label finds the canonical sci-fi
    ("science", ["D02"]),         # so does its English label
    ("剪辑", ["D01"]),            # a need, by its Chinese label
    ("CINEMATO", ["D03"]),        # case does not matter
    ("陈", ["D01"]),              # a Chinese name
    ("", ["D01", "D02", "D03"]),  # empty shows everyone
    ("nobody", []),
])
def test_the_filter_matches_names_genres_and_skills_in_both_languages(proxy, text, expected):
    proxy.setFilterFixedString(text)
    assert _ids(proxy) == expected


def test_sorting_is_done_by_the_source_and_survives_a_filter(model, proxy):
    proxy.sort(1, Qt.SortOrder.DescendingOrder)  # by name: 陈思远 sorts after the Latin names
    assert _ids(proxy) == ["D01", "D03", "D02"]
    proxy.set_filter_text("a")  # Maya, Lin Xiaoyu (ids/orgs), not the Chinese-only row without an a
    assert set(_ids(proxy)) <= {"D01", "D02", "D03"}
    assert _ids(proxy) == sorted(_ids(proxy), key=lambda i: model.person(model.row_of(i)).name.casefold(),
                                 reverse=True)


def test_numeric_columns_sort_as_numbers(qtbot):
    model = RosterModel(Role.PRODUCER)
    people = [Person(f"P{i}", f"n{i}", Role.PRODUCER, capacity=c) for i, c in enumerate((10, 2, 9))]
    model.set_people(people)
    capacity = [spec.header for spec in model.columns].index("Capacity")
    model.sort(capacity, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, capacity).data(SORT_ROLE) for r in range(3)] == [2, 9, 10]


def test_persistent_indexes_follow_their_people_when_sorting(model):
    from PySide6.QtCore import QPersistentModelIndex

    kept = QPersistentModelIndex(model.index(model.row_of("D02"), 0))
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert kept.data(ID_ROLE) == "D02"


def test_search_text_holds_both_languages():
    person = Person("I9", "Ana", Role.INSTRUCTOR, skills={"sound": 3})
    text = search_text(person)
    assert "sound" in text and "声音" in text and "ana" in text


from hypothesis import given, settings as hypothesis_settings, strategies as st  # noqa: E402

_NAMES = st.text(alphabet="abcdeWANG王陈 ", min_size=1, max_size=6)
_GENRES = st.lists(st.sampled_from(["drama", "sci-fi", "documentary", "comedy", "wuxia"]), max_size=2, unique=True)


@hypothesis_settings(max_examples=40, deadline=None)
@given(names=st.lists(st.tuples(_NAMES, _GENRES), max_size=12), needle=st.text(alphabet="aeWn王科幻 ", max_size=3),
       column=st.integers(0, 6), descending=st.booleans())
def test_the_proxy_shows_exactly_the_matching_people_in_sorted_order(qapp, names, needle, column, descending):
    people = [Person(f"D{i:02d}", name, Role.DIRECTOR, genres=tuple(genres)) for i, (name, genres) in enumerate(names)]
    model = RosterModel(Role.DIRECTOR)
    model.set_people(people)
    proxy = RosterFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text(needle)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    proxy.sort(column, order)
    wanted = {p.id for p in people if needle.strip().casefold() in search_text(p)}
    shown = _ids(proxy)
    assert set(shown) == wanted and len(shown) == len(wanted)
    keys = [model.columns[column].key(model.person(model.row_of(i))) for i in shown]
    assert keys == sorted(keys, reverse=descending)


def test_change_sets_insert_change_and_remove_rows_in_order_without_a_reset(model, qtmodeltester):
    """Issue 8: a change set becomes beginInsertRows / dataChanged / beginRemoveRows, never a reset; the model
    tester watches every signal while the rows change."""
    proxy = RosterFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    model.sort(1)  # by name
    resets, inserted, changed = [], [], []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))
    model.dataChanged.connect(lambda first, _last, _roles: changed.append(first.row()))
    model.put(Person("D07", "Aaron First", Role.DIRECTOR, genres=("comedy",)))
    assert inserted == [0] and model.person(0).id == "D07"
    row = model.row_of("D03")
    model.put(model.person(row).with_changes(genres=("horror",)))  # same name: changes in place
    assert changed == [row] and "horror" in model.person(row).genres
    model.put(model.person(model.row_of("D01")).with_changes(name="Zz Last"))  # a new name moves the row
    assert model.person(model.rowCount() - 1).id == "D01"
    names = [model.person(r).name.casefold() for r in range(model.rowCount())]
    assert names == sorted(names)
    model.remove_ids(["D07", "D02", "nobody"])
    assert {model.person(r).id for r in range(model.rowCount())} == {"D01", "D03"}
    proxy.set_filter_text("horror")
    assert proxy.rowCount() == 1 and proxy.person_at(proxy.index(0, 0)).id == "D03"
    assert resets == []


def test_the_roster_read_again_changes_rows_in_place_not_a_reset(model, qtmodeltester):
    """Issue 11: another viewer's change makes the page read the roster again; the rows that stay stay (the
    selection and the scroll position with them), the others are removed, inserted or changed."""
    from ui.models.roster_model import prepare_rows

    proxy = RosterFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    model.set_rows(prepare_rows(model.people(), Role.DIRECTOR, sort_column=1))  # by name (a reset: re-sorted)
    events = []
    model.modelAboutToBeReset.connect(lambda: events.append("reset"))
    model.rowsRemoved.connect(lambda _parent, first, last: events.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _parent, first, last: events.append(("inserted", first, last)))
    model.dataChanged.connect(lambda first, last, _roles: events.append(("changed", first.row(), last.row())))
    people = {p.id: p for p in model.people()}
    now = [p for i, p in people.items() if i != "D02"]
    now = [p.with_changes(name="Zz Last") if p.id == "D01" else p for p in now]          # moves to the end
    now = [p.with_changes(genres=("horror",)) if p.id == "D03" else p for p in now]      # changes in place
    now += [Person("D08", "Aaron First", Role.DIRECTOR), Person("D09", "Aaron Second", Role.DIRECTOR)]
    rows = prepare_rows(now, Role.DIRECTOR, sort_column=1)
    model.set_rows(rows)
    assert "reset" not in events and ("inserted", 0, 1) in events
    assert [model.person(r) for r in range(model.rowCount())] == list(rows.people)
    assert model.search_texts() == list(rows.search)
    assert "horror" in model.index(model.row_of("D03"), 0).data(SEARCH_ROLE)


def test_rows_in_another_order_or_words_are_a_reset(model):
    from ui.models.roster_model import prepare_rows

    resets = []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    model.set_rows(prepare_rows(model.people(), Role.DIRECTOR, sort_column=1, descending=True))
    assert resets == [True]


def test_each_column_is_measured_on_the_people_whose_text_there_is_widest_in_the_language_shown(qtbot):
    """Issue 11: columns are sized on a few people per column; which few depends on the text as shown (a Chinese
    character is about two letters wide; a language without a Chinese label stays in English)."""
    from pairing.vocabulary import BUILTIN
    from ui.models.roster_model import LANGUAGES, ORGANIZATION, WIDEST_MEASURED, prepare_rows

    people = [Person(f"D{n:02}", f"Person {n}", Role.DIRECTOR, organization="Studio", languages=("Mandarin",))
              for n in range(20)]
    people[7] = people[7].with_changes(organization="Harbour Lane Productions and Partners")
    people[9] = people[9].with_changes(languages=("English", "Swedish"))
    columns = RosterModel(Role.DIRECTOR).columns
    widest = prepare_rows(people, Role.DIRECTOR, BUILTIN).widest
    assert len(widest[columns.index(ORGANIZATION)]) == WIDEST_MEASURED
    assert widest[columns.index(ORGANIZATION)][0].id == "D07"
    assert widest[columns.index(LANGUAGES)][0].id == "D09"
    model = RosterModel(Role.DIRECTOR)
    model.set_people(people)
    assert "Harbour Lane Productions and Partners" in model.column_texts(columns.index(ORGANIZATION))
    longer = people[3].with_changes(organization="Northlight Documentary Lab of the Norfolk Broads and Fens")
    model.put(longer)  # an edit: the person joins the widest of the column at once
    assert model.column_texts(columns.index(ORGANIZATION))[0] == longer.organization
