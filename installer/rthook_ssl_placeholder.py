"""PyInstaller run-time hook: let psycopg's C part load in a bundle without Python's ssl module (left out)."""

from __future__ import annotations

import sys

# psycopg_binary's pq module runs `import ssl` only so that Python's OpenSSL sets up libcrypto before libpq does
# (then it calls PQinitOpenSSL(1, 0)). Its libpq brings its own OpenSSL 3, which needs no such set-up, and the
# bundle leaves Python's ssl (and a second OpenSSL) out. A None entry makes `import ssl` in Python code fail as
# before (ModuleNotFoundError), while the compiled module's import, which looks in sys.modules first, goes on.
sys.modules.setdefault("ssl", None)  # type: ignore[arg-type]
