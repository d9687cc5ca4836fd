"""Re-render the user guide's screenshots with the app's own --screenshot option (offscreen, demo plan)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

IMAGES = Path(__file__).resolve().parent / "images"
SHOTS = {
    "start": [],
    "overview": ["--demo", "--view", "overview"],
    "initiatives": ["--demo", "--view", "initiatives"],
    "stakeholders": ["--demo", "--view", "stakeholders"],
    "grid": ["--demo", "--view", "grid"],
    "network": ["--demo", "--view", "network"],
    "raci": ["--demo", "--view", "raci"],
    "roadmap": ["--demo", "--view", "roadmap"],
    "dependencies": ["--demo", "--view", "dependencies"],
    "budget": ["--demo", "--view", "budget"],
    "document": ["--demo", "--view", "document"],
    "checks": ["--demo", "--view", "checks"],
    "slide-title": ["--demo", "--present", "--slide", "1"],
    "slide-roadmap": ["--demo", "--present", "--slide", "2"],
    "slide-roadmap-high-contrast": ["--demo", "--present", "--slide", "2", "--theme", "high-contrast"],
}
# Pages of the demo plan's PDF shown in the guide: name -> how to find the page.
PDF_PAGES = ("cover", "contents", "roadmap", "sheet")


def render_pdf_pages(pdf: Path, folder: Path, sheet_word: str) -> None:
    """Render the cover, the contents, the first roadmap page and the first definition sheet of a PDF to PNGs."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([])
    document = QPdfDocument(app)
    document.load(str(pdf))
    pages = range(document.pageCount())
    landscape = next(page for page in pages if document.pagePointSize(page).width() > document.pagePointSize(page).height())
    texts = {page: document.getAllText(page).text() for page in pages}
    sheets = [page for page in pages if page > 2 and sheet_word in texts[page]]
    chosen = {"cover": 0, "contents": 1, "roadmap": landscape, "sheet": sheets[1] if len(sheets) > 1 else sheets[0]}
    for name in PDF_PAGES:
        size = document.pagePointSize(chosen[name])
        page = document.render(chosen[name], QSize(int(size.width() * 1.4), int(size.height() * 1.4)))
        image = QImage(page.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))  # the rendered page is transparent where nothing is drawn
        painter = QPainter(image)
        painter.drawImage(0, 0, page)
        painter.end()
        image.save(str(folder / f"pdf-{name}.png"))
        print((folder / f"pdf-{name}.png").relative_to(IMAGES.parent))


def main() -> int:
    with tempfile.TemporaryDirectory() as data_dir:
        env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "CPLAN_DATA_DIR": data_dir}
        for language in ("ko", "en"):
            folder = IMAGES / language
            folder.mkdir(parents=True, exist_ok=True)
            for name, arguments in SHOTS.items():
                target = folder / f"{name}.png"
                command = [sys.executable, "-m", "desktop_app", *arguments, "--lang", language, "--screenshot", str(target)]
                subprocess.run(command, env=env, check=True, stderr=subprocess.DEVNULL)
                print(target.relative_to(IMAGES.parent))
            plan, pdf = Path(data_dir) / f"demo-{language}.cplan", Path(data_dir) / f"demo-{language}.pdf"
            cplan = [sys.executable, "-m", "planner.cli", "--lang", language]
            subprocess.run([*cplan, "demo", str(plan), "--force"], env=env, check=True, stdout=subprocess.DEVNULL)
            subprocess.run([*cplan, "export", str(plan), "--to", str(pdf), "--lang", language], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            render_pdf_pages(pdf, folder, "주요내용" if language == "ko" else "Main content")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
