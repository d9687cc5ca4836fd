"""The presentation window: clicker keys through slides and reveal steps, blackout, Esc, spotlight, presenter view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from desktop_app.plan_controller import PlanController
from desktop_app.presentation import presentation_window
from desktop_app.presentation.presentation_window import PresentationWindow
from desktop_app.presentation.presenter_view import PresenterView, elapsed_text
from planner.presentation import SlideSpec, save_sequence_command, slides


def _window(qtbot: Any, controller: PlanController, **options: Any) -> PresentationWindow:
    window = PresentationWindow(controller, **options)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _press(window: PresentationWindow, key: Qt.Key) -> None:
    QTest.keyClick(window, key)


def test_clicker_keys_walk_through_slides_and_the_roadmap_year_by_year(qtbot: Any,
                                                                        demo_controller: PlanController) -> None:
    window = _window(qtbot, demo_controller)
    pages = window.deck.pages
    assert [page.kind for page in pages[:2]] == ["title", "roadmap"]
    assert (window.page_index, window.step) == (0, 0)
    _press(window, Qt.Key.Key_PageDown)
    assert (window.page_index, window.step) == (1, 0)
    for key, step in ((Qt.Key.Key_Right, 1), (Qt.Key.Key_Space, 2), (Qt.Key.Key_Down, 3), (Qt.Key.Key_PageDown, 4)):
        _press(window, key)
        assert (window.page_index, window.step) == (1, step)  # one more year revealed
    _press(window, Qt.Key.Key_PageDown)
    assert (window.page_index, window.step) == (2, 0)
    _press(window, Qt.Key.Key_PageUp)
    assert (window.page_index, window.step) == (1, 4)  # back to the whole roadmap
    _press(window, Qt.Key.Key_Left)
    _press(window, Qt.Key.Key_Up)
    assert (window.page_index, window.step) == (1, 2)
    _press(window, Qt.Key.Key_End)
    assert window.page_index == len(pages) - 1
    _press(window, Qt.Key.Key_PageDown)
    assert window.page_index == len(pages) - 1  # the last slide stays
    _press(window, Qt.Key.Key_Home)
    assert (window.page_index, window.step) == (0, 0)
    assert window.canvas.page is pages[0]


def test_the_roadmap_shows_only_the_revealed_years_bars(qtbot: Any, demo_controller: PlanController) -> None:
    window = _window(qtbot, demo_controller, start_slide=1)
    first_year = window.grab().toImage()
    _press(window, Qt.Key.Key_End)
    window.go_to(1, 4)
    all_years = window.grab().toImage()
    assert first_year != all_years
    assert window.canvas.step == 4


def test_b_blacks_out_and_any_key_returns_to_the_same_slide(qtbot: Any, demo_controller: PlanController) -> None:
    window = _window(qtbot, demo_controller, start_slide=2)
    _press(window, Qt.Key.Key_B)
    assert window.blacked_out
    image = window.grab().toImage()
    assert {image.pixelColor(x, y).name() for x in range(0, image.width(), 97) for y in range(0, image.height(), 89)} \
        == {"#000000"}
    _press(window, Qt.Key.Key_Right)  # returns; does not move on
    assert not window.blacked_out and window.page_index == 2


def test_escape_leaves_and_restores_the_main_window(qtbot: Any, demo_controller: PlanController) -> None:
    main = QLabel("main window")
    qtbot.addWidget(main)
    main.show()
    main.showMinimized()
    window = _window(qtbot, demo_controller, parent=main)
    with qtbot.waitSignal(window.closed):
        _press(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert not main.isMinimized()


def _brightness(image: QImage) -> float:
    total = 0
    count = 0
    for x in range(0, image.width(), 7):
        for y in range(0, image.height(), 7):
            total += QColor(image.pixel(x, y)).lightness()
            count += 1
    return total / count


def test_a_spotlight_on_a_stakeholder_dims_the_others_and_escape_clears_it(qtbot: Any,
                                                                            demo_controller: PlanController) -> None:
    window = _window(qtbot, demo_controller)
    grid_index = next(index for index, page in enumerate(window.deck.pages) if page.kind == "grid")
    window.go_to(grid_index)
    before = window.grab().toImage()
    _press(window, Qt.Key.Key_S)
    dialog = window.spotlight_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.filter_edit.setText("해담군청")
    target = dialog.chosen()
    assert target is not None and target.kind == "stakeholder" and "해담군청" in target.label
    dialog.accept()
    assert window.spotlight == ("stakeholder", target.target_id)
    lit = window.grab().toImage()
    assert _brightness(lit) > _brightness(before)  # dark names and dots faded towards the white background
    _press(window, Qt.Key.Key_Escape)
    assert window.spotlight is None and window.isVisible()
    _press(window, Qt.Key.Key_PageDown)
    assert window.spotlight is None


def test_a_spotlight_on_a_lane_dims_the_other_lanes(qtbot: Any, demo_controller: PlanController) -> None:
    window = _window(qtbot, demo_controller, start_slide=1)
    before = window.grab().toImage()
    lane = window.deck.pages[1].content.lanes[0]
    window.set_spotlight("field", lane.field_id)
    assert _brightness(window.grab().toImage()) > _brightness(before)


def test_the_presenter_view_shows_the_notes_the_next_slide_and_a_timer(qtbot: Any,
                                                                       demo_controller: PlanController) -> None:
    specs = demo_controller.read(slides)
    specs[0] = SlideSpec(specs[0].kind, specs[0].params, "", "인사 후 비전을 설명함")
    demo_controller.execute(demo_controller.read(lambda session: save_sequence_command(session, specs)))
    window = _window(qtbot, demo_controller)
    _press(window, Qt.Key.Key_P)
    view = window.presenter_view
    assert isinstance(view, PresenterView) and view.isVisible()
    qtbot.addWidget(view)
    assert view.notes_edit.toPlainText() == "인사 후 비전을 설명함"
    assert view.next_canvas.page is window.deck.pages[1]
    assert view.position_label.text() == f"1 / {len(window.deck.pages)}"
    assert view.timer_label.text().startswith("0:00:")
    QTest.keyClick(view, Qt.Key.Key_PageDown)  # the presenter's keys drive the slides
    assert window.page_index == 1 and view.current_canvas.page is window.deck.pages[1]
    assert view.next_canvas.page is window.deck.pages[1] and view.next_canvas.step == 1  # the next year
    assert view.notes_edit.toPlainText() == ""
    _press(window, Qt.Key.Key_P)
    assert not view.isVisible()
    assert elapsed_text(3_725_000) == "1:02:05"


def test_an_edit_of_the_plan_refreshes_the_slides(qtbot: Any, demo_controller: PlanController) -> None:
    window = _window(qtbot, demo_controller, start_slide=3)
    demo_controller.execute(demo_controller.read(
        lambda session: save_sequence_command(session, [SlideSpec("title"), SlideSpec("budget")])))
    assert [page.kind for page in window.deck.pages] == ["title", "budget"]
    assert window.page_index == 1


def test_a_ratings_slide_shows_the_widget_the_lead_wires_in(qtbot: Any, demo_controller: PlanController) -> None:
    made: list[str] = []

    def factory(controller: PlanController, page: Any, parent: Any) -> QLabel:
        made.append(page.kind)
        return QLabel("live ratings", parent)

    demo_controller.execute(demo_controller.read(
        lambda session: save_sequence_command(session, [SlideSpec("title"), SlideSpec("ratings")])))
    presentation_window.set_ratings_widget_factory(factory)
    try:
        window = _window(qtbot, demo_controller)
        assert window.ratings_widget is None
        _press(window, Qt.Key.Key_PageDown)
        assert made == ["ratings"] and isinstance(window.ratings_widget, QLabel)
        assert window.ratings_widget.parent() is window.canvas
    finally:
        presentation_window.set_ratings_widget_factory(None)


def test_the_canvas_letterboxes_the_slide(qtbot: Any, demo_controller: PlanController) -> None:
    window = _window(qtbot, demo_controller)
    image = QImage(1000, 1000, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    window.renderer.paint(painter, window.deck.pages[0], QRectF(0, 0, 1000, 1000))
    painter.end()
    assert image.pixelColor(500, 5).name() == "#000000"  # bars above and below the 16:9 slide
    assert image.pixelColor(500, 500).name() != "#000000"
