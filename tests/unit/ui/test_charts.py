"""The pictures: data from the engine's matrix cut to producers, loads, histogram bins, drawing and tooltips."""

import pytest
from PySide6.QtCore import QPoint

from pairing import engine
from pairing.domain import Person, Program, Role, RunResult, RunStatus, Settings
from ui.charts import Heatmap, LoadBars, ScoreHistogram, histogram_bins
from ui.pictures_work import pictures_data

SLOT = ("Mon AM",)


def _program() -> Program:
    people = (
        Person("D1", "陈思远", Role.DIRECTOR, genres=("drama",), availability=SLOT, avoid=("P2",)),
        Person("D2", "Bo", Role.DIRECTOR, genres=("sci-fi",), availability=SLOT),
        Person("P1", "Pat", Role.PRODUCER, genres=("drama",), availability=SLOT, capacity=2),
        Person("P2", "Pia", Role.PRODUCER, genres=("sci-fi",), availability=SLOT, capacity=1),
        Person("I1", "Ike", Role.INSTRUCTOR, availability=SLOT, capacity=3),
    )
    return Program(Settings(instructors_min=1, instructors_max=1), people)


def _run(program: Program) -> RunResult:
    evaluator = engine.TeamEvaluator(program)
    teams = (evaluator.evaluate_team("D1", "P1", ("I1",)), evaluator.evaluate_team("D2", "P2", ("I1",)))
    return RunResult(RunStatus.OPTIMAL, sum(t.score for t in teams), sum(t.score for t in teams), teams=teams)


@pytest.fixture
def data():
    program = _program()
    return pictures_data(program, 7, _run(program))


def test_heatmap_data_has_producers_only_with_chosen_and_forbidden_pairs(data):
    assert [d for d, _ in data.directors] == ["D1", "D2"]
    assert [p for p, _ in data.producers] == ["P1", "P2"]
    assert data.chosen == {("D1", "P1"), ("D2", "P2")}
    assert data.cell("D1", "P2") == (None, False)      # D1 avoids P2: forbidden
    score, chosen = data.cell("D2", "P2")
    assert chosen and score is not None and score > 0


def test_loads_count_every_team_against_capacity(data):
    loads = {m.mentor: (m.used, m.capacity) for m in data.loads}
    assert loads == {"P1": (1, 2), "P2": (1, 1), "I1": (2, 3)}
    assert sorted(data.team_scores) == sorted(t.score for t in _run(_program()).teams)


def test_histogram_bins_cover_the_lowest_to_the_highest_score():
    low, high, counts = histogram_bins([10.0, 20.0, 20.0, 30.0], bins=4)
    assert (low, high) == (10.0, 30.0)
    assert counts == [1, 0, 2, 1] and sum(counts) == 4
    assert histogram_bins([5.0, 5.0], bins=3)[2] == [2, 0, 0]
    assert histogram_bins([])[2] == [0] * 10


def test_widgets_draw_and_the_heatmap_explains_a_cell(qtbot, data):
    heatmap, bars, histogram = Heatmap(), LoadBars(), ScoreHistogram()
    for widget in (heatmap, bars, histogram):
        qtbot.addWidget(widget)
    heatmap.set_data(data)
    bars.set_loads(data.loads)
    histogram.set_scores(data.team_scores)
    bars.resize(300, bars.sizeHint().height())
    for widget in (heatmap, bars, histogram):
        image = widget.grab().toImage()
        assert not image.isNull() and image.width() > 0 and image.height() > 0
    left, top = heatmap._margins()
    centre = QPoint(left + heatmap.cell + 3, top + 3)  # D1 × P2
    assert "Forbidden" in heatmap.tooltip_at(centre)
    chosen = heatmap.tooltip_at(QPoint(left + 3, top + 3))  # D1 × P1
    assert "陈思远" in chosen and "Pat" in chosen and "Chosen" in chosen
    assert heatmap.tooltip_at(QPoint(1, 1)) is None
    assert heatmap.colour(None) != heatmap.colour(data.cell("D1", "P1")[0])


def test_a_hidden_pictures_page_recomputes_only_when_shown(qtbot, tmp_path):
    from PySide6.QtCore import QThreadPool

    from pairing.storage import repo
    from ui.charts import PicturesPage
    from ui.document import ProgramDocument

    program = _program()
    document = ProgramDocument.open(tmp_path / "pictures.pairing")
    try:
        with document.store.sessions.begin() as session:
            repo.save_settings(session, program.settings)
            repo.add_people(session, program.people)
        page = PicturesPage(document)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.operation is None)  # the first computation has ended
        assert page.data.run_id is None and [d for d, _ in page.data.directors] == ["D1", "D2"]
        with document.store.sessions.begin() as session:
            run_id = repo.save_run(session, program.settings, _run(program))
        with qtbot.assert_not_emitted(page.dataReady):
            document.elsewhere.emit(frozenset({"run"}))  # another viewer saved a run
            qtbot.waitUntil(lambda: page._dirty)
        with qtbot.wait_signal(page.dataReady, timeout=10_000):
            page.show()
        assert page.data.run_id == run_id and page.data.chosen == {("D1", "P1"), ("D2", "P2")}
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)
        document.close()


def test_names_stay_at_the_edges_while_the_heatmap_scrolls(qtbot):
    from PySide6.QtWidgets import QScrollArea

    import numpy as np

    from ui.charts import PicturesData

    directors = tuple((f"D{i}", f"Director {i}") for i in range(80))
    producers = tuple((f"P{j}", f"Producer {j}") for j in range(60))
    scores = np.array([[np.nan if (i + j) % 7 == 0 else float(i + j) for j in range(60)] for i in range(80)])
    heatmap = Heatmap()
    heatmap.set_data(PicturesData(directors, producers, scores, low=1.0, high=138.0))
    area = QScrollArea()
    qtbot.addWidget(area)
    area.setWidget(heatmap)
    area.resize(400, 300)
    area.show()
    qtbot.waitExposed(area)
    area.horizontalScrollBar().setValue(300)
    area.verticalScrollBar().setValue(400)
    shown = heatmap.visibleRegion().boundingRect()
    left, top = heatmap._margins()
    assert heatmap.cell_at(shown.topLeft() + QPoint(left - 5, top + 30)) is None  # over the director names
    assert heatmap.cell_at(shown.topLeft() + QPoint(left + 30, top - 5)) is None  # over the producer names
    row, column = heatmap.cell_at(shown.topLeft() + QPoint(left + 3, top + 3))
    assert row * heatmap.cell + top >= 400 - heatmap.cell and column * heatmap.cell + left >= 300 - heatmap.cell
    assert not area.grab().toImage().isNull()


def test_a_selected_cell_follows_its_people_through_new_data_and_the_arrow_keys(qtbot):
    from dataclasses import replace

    import numpy as np
    from PySide6.QtCore import Qt

    from ui.charts import PicturesData

    directors = tuple((f"D{i}", f"Director {i}") for i in range(5))
    producers = tuple((f"P{j}", f"Producer {j}") for j in range(4))
    data = PicturesData(directors, producers, np.arange(20, dtype=float).reshape(5, 4), low=0.0, high=19.0)
    heatmap = Heatmap()
    qtbot.addWidget(heatmap)
    heatmap.set_data(data)
    heatmap.show()
    qtbot.keyClick(heatmap, Qt.Key.Key_Down)  # nothing selected yet: the first cell
    assert heatmap.selected == ("D0", "P0")
    qtbot.keyClick(heatmap, Qt.Key.Key_Down)
    qtbot.keyClick(heatmap, Qt.Key.Key_Right)
    assert heatmap.selected == ("D1", "P1") and "Score 5.0" in heatmap.describe(heatmap.selected)
    # A director inserted above and the scores changed: the same people stay selected, in their new place.
    moved = PicturesData((("D9", "Newcomer"), *directors), producers,
                         np.vstack([np.full((1, 4), np.nan), np.arange(20, dtype=float).reshape(5, 4) + 1]))
    with qtbot.assert_not_emitted(heatmap.selectionChanged):
        heatmap.set_data(moved)
    assert heatmap.selected == ("D1", "P1") and heatmap.position_of(heatmap.selected) == (2, 1)
    assert "Score 6.0" in heatmap.describe(heatmap.selected)
    with qtbot.wait_signal(heatmap.selectionChanged):  # the director left: nothing is selected
        heatmap.set_data(replace(moved, directors=moved.directors[:2] + (("D7", "Other"),) + moved.directors[3:]))
    assert heatmap.selected is None
