"""Entry script of the frozen `cplan` console executable (it shares the bundle with convergence-planner)."""

from __future__ import annotations

import sys

from planner.cli import main

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
