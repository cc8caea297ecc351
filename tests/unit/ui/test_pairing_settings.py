"""The settings panel of the Pairing page: changes are stored, undoable, and a slider drag is one undo step."""

import pytest
from PySide6.QtCore import QPoint, Qt

from pairing.domain import Settings
from pairing.storage import repo
from ui.document import ProgramDocument
from ui.pairing_settings import SettingsPanel, criterion_effect, save_settings


@pytest.fixture
def document(tmp_path, qtbot):
    doc = ProgramDocument.open(tmp_path / "settings.pairing")
    yield doc
    doc.close()


def _stored(document) -> Settings:
    with document.store.sessions() as session:
        return repo.get_settings(session)


def _panel(document, qtbot) -> SettingsPanel:
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.set_settings(_stored(document))
    panel.changed.connect(lambda s, key: save_settings(document, s, key))
    return panel


def test_a_slider_drag_is_stored_and_undone_in_one_step(document, qtbot):
    panel = _panel(document, qtbot)
    slider = panel.sliders["genre"]
    for position in (7, 8, 9):  # a drag: several values in a row
        slider.setValue(position)
    assert _stored(document).weights.genre == 4.5
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert _stored(document).weights.genre == Settings().weights.genre


def test_rules_and_limits_are_stored_and_min_never_exceeds_max(document, qtbot):
    panel = _panel(document, qtbot)
    panel.show()
    qtbot.waitExposed(panel)
    # A check box toggles when its box or text is clicked, not the empty space beside them.
    fairness = panel.controls["fairness"]
    qtbot.mouseClick(fairness, Qt.MouseButton.LeftButton, pos=QPoint(6, fairness.height() // 2))
    panel.controls["instructors_min"].setValue(3)  # above the max of 2: the max follows
    panel.controls["time_limit_s"].setValue(30.0)
    stored = _stored(document)
    assert stored.fairness is True
    assert (stored.instructors_min, stored.instructors_max) == (3, 3)
    assert stored.time_limit_s == 30.0
    assert document.undo_stack.count() == 3


def test_loading_settings_is_not_a_user_change(document, qtbot):
    panel = _panel(document, qtbot)
    with qtbot.assert_not_emitted(panel.changed):
        panel.set_settings(Settings(fairness=True, instructors_max=4))
    assert panel.controls["fairness"].isChecked() and panel.controls["instructors_max"].value() == 4


def test_every_weight_explains_its_effect(qtbot):
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    for name, slider in panel.sliders.items():
        assert criterion_effect(name).startswith("Higher:")
        assert slider.accessibleName() and slider.toolTip() == criterion_effect(name)
