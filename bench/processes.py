"""One benchmark step as its own process: wall-clock seconds, exit status, output and the process's peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ProcessRun:
    """What one process took: wall-clock seconds from start to exit, its peak resident set (MB), its exit code,
    its output and its CPU seconds (user + system: on a busy machine, what the work cost by itself)."""

    seconds: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str
    cpu: float = 0.0

    def check(self, what: str) -> ProcessRun:
        """This run, or SystemExit naming `what` with the end of its output when it failed."""
        if self.returncode != 0:
            raise SystemExit(f"{what} failed (exit {self.returncode}):\n{self.stdout[-2000:]}\n{self.stderr[-2000:]}")
        return self


def checkout_env(**extra: str) -> dict[str, str]:
    """The environment for a child that runs this checkout's code (not another installed copy), with its
    compiled modules cached outside the tree (as pip compiles an installed copy's), so no run pays for compiling
    them even where PYTHONDONTWRITEBYTECODE is set."""
    path = os.pathsep.join(part for part in (str(ROOT), os.environ.get("PYTHONPATH", "")) if part)
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    cache = Path(tempfile.gettempdir()) / f"cplan-bench-pycache-{os.getuid()}"
    return environment | {"PYTHONPATH": path, "PYTHONPYCACHEPREFIX": str(cache)} | extra


def cplan(*args: str) -> list[str]:
    """The command line of `cplan ARGS` run from this checkout."""
    return [sys.executable, "-m", "planner.cli", *args]


def run_process(argv: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> ProcessRun:
    """Run `argv` to its end; time it from start to exit and read its peak resident set from wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(argv), stdout=out, stderr=err, env=env, cwd=cwd)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ProcessRun(seconds, usage.ru_maxrss / 1024, process.returncode,
                          out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                          usage.ru_utime + usage.ru_stime)


def compile_checkout() -> None:
    """Compile the checkout's modules into the cache checkout_env() names (quick once they are there)."""
    folders = [str(ROOT / name) for name in ("planner", "desktop_app", "bench")]
    run_process([sys.executable, "-m", "compileall", "-q", *folders], env=checkout_env()).check("compileall")
