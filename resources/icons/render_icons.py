"""Regenerates the committed PNG and ICO icons from the SVGs next to this script (run by hand, not at build time)."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICON_FOLDER = Path(__file__).resolve().parent
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256
# The application icon at the sizes the freedesktop hicolor theme looks for (icon-<size>.png).
HICOLOR_SIZES = (16, 32, 48, 64, 128, 256)
ICON_NAMES = ("convergence-planner", "cplan-file")
APPLICATION_ICON = "convergence-planner"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn anti-aliased on a transparent square of `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def write_icons(name: str) -> list[Path]:
    """<name>.png (256 px) and <name>.ico (every ICO size drawn from the SVG, not scaled down from 256 px)."""
    from PIL import Image

    svg = ICON_FOLDER / f"{name}.svg"
    frames = {size: Image.open(io.BytesIO(render_png(svg, size))).convert("RGBA") for size in ICO_SIZES}
    written = [ICON_FOLDER / f"{name}.png", ICON_FOLDER / f"{name}.ico"]
    written[0].write_bytes(render_png(svg, PNG_SIZE))
    largest = frames[max(ICO_SIZES)]
    others = [frames[size] for size in ICO_SIZES if size != max(ICO_SIZES)]
    largest.save(written[1], format="ICO", sizes=[(size, size) for size in ICO_SIZES], append_images=others)
    return written


def write_hicolor_pngs() -> list[Path]:
    svg = ICON_FOLDER / f"{APPLICATION_ICON}.svg"
    written = []
    for size in HICOLOR_SIZES:
        path = ICON_FOLDER / f"icon-{size}.png"
        path.write_bytes(render_png(svg, size))
        written.append(path)
    return written


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _application = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    written = [path for name in ICON_NAMES for path in write_icons(name)] + write_hicolor_pngs()
    for path in written:
        print(path.relative_to(ICON_FOLDER.parent.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
