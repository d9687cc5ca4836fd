"""The roadmap's link layer cuts every run into the same band pieces whether a band is listed up front (small plans)
or looked up when first drawn (big plans)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from PySide6.QtGui import QFont

from desktop_app.views.roadmap import link_item
from desktop_app.views.roadmap.link_item import BAND, LinkLayerItem, LinkRoute, _band_members, pieces
from desktop_app.views.roadmap.roadmap_snapshot import RoadmapLink
from desktop_app.views.roadmap.roadmap_style import RoadmapStyle


def random_routes(count: int, seed: int) -> list[LinkRoute]:
    generator = random.Random(seed)
    routes = []
    for number in range(count):
        x, y = generator.uniform(0, 3000), generator.choice([0.0, BAND, generator.uniform(-100, 40 * BAND)])
        points = [(x, y)]
        for _turn in range(generator.randint(1, 4)):
            if len(points) % 2:
                x += generator.choice([0.0, generator.uniform(-700, 700)])
            else:
                y = generator.choice([y, 3 * BAND, generator.uniform(-100, 40 * BAND)])
            points.append((x, y))
        link = RoadmapLink(f"l{number}", "a", "b", generator.choice(["FS", "SS", "FF", "SF"]), 0,
                           generator.random() < 0.2)
        routes.append(LinkRoute(link, points))
    return routes


def expected_bands(routes: list[LinkRoute]) -> dict[int, dict[tuple[str, bool], list[tuple[float, ...]]]]:
    """Every run cut by pieces(), each piece in the band of its top: what the layer drew before."""
    bands: dict[int, dict[tuple[str, bool], list[tuple[float, ...]]]] = {}
    for route in routes:
        for (x1, y1), (x2, y2) in zip(route.points, route.points[1:], strict=False):
            for piece in pieces((x1, y1, x2, y2)):
                band = int(min(piece[1], piece[3]) // BAND)
                bands.setdefault(band, {}).setdefault(route.pen_key, []).append(piece)
    return bands


@pytest.mark.parametrize("small_index", [True, False])
def test_each_band_holds_the_pieces_of_every_run_through_it(qapp: Any, monkeypatch: pytest.MonkeyPatch,
                                                            small_index: bool) -> None:
    monkeypatch.setattr(link_item, "SMALL_INDEX", 10**9 if small_index else 0)
    routes = random_routes(300, seed=5)
    layer = LinkLayerItem(RoadmapStyle(QFont()))
    layer.set_routes(routes, 22.0)
    expected = expected_bands(routes)
    assert expected  # the routes cross many bands
    for band in range(-2, 45):
        got = {key: sorted(segments) for key, segments in layer.band_segments(band).items() if segments}
        assert got == {key: sorted(segments) for key, segments in expected.get(band, {}).items()}, band


def test_both_indexes_list_the_same_members() -> None:
    generator = random.Random(1)
    firsts = [generator.randint(-3, 50) for _ in range(500)]
    lasts = [first + generator.choice([0, 0, 1, generator.randint(0, 40)]) for first in firsts]
    listed = _band_members(firsts, lasts)
    original = link_item.SMALL_INDEX
    try:
        link_item.SMALL_INDEX = 0
        looked_up = _band_members(firsts, lasts)
    finally:
        link_item.SMALL_INDEX = original
    for band in range(-5, 95):
        wanted = [number for number, (first, last) in enumerate(zip(firsts, lasts, strict=True))
                  if first <= band <= last]
        assert list(listed(band)) == wanted == list(looked_up(band))


def test_far_frames_draw_every_run_uncut_made_when_first_asked_and_again_after_new_routes(qapp: Any) -> None:
    routes = random_routes(200, seed=8)
    layer = LinkLayerItem(RoadmapStyle(QFont()))
    layer.set_routes(routes, 22.0)

    def runs(by_pen: dict[tuple[str, bool], list[Any]]) -> dict[tuple[str, bool], list[tuple[float, ...]]]:
        return {key: sorted((line.x1(), line.y1(), line.x2(), line.y2()) for line in lines)
                for key, lines in by_pen.items()}

    def expected(chosen: list[LinkRoute]) -> dict[tuple[str, bool], list[tuple[float, ...]]]:
        result: dict[tuple[str, bool], list[tuple[float, ...]]] = {}
        for route in chosen:
            result.setdefault(route.pen_key, []).extend(
                (x1, y1, x2, y2) for (x1, y1), (x2, y2) in zip(route.points, route.points[1:], strict=False))
        return {key: sorted(lines) for key, lines in result.items()}

    assert runs(layer.whole_lines()) == expected(routes)
    layer.set_routes(routes[:50], 22.0)
    assert runs(layer.whole_lines()) == expected(routes[:50])
