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
}


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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
