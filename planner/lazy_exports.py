"""Package names imported on first use (PEP 562), so that importing a package stays cheap."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, modules: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package` that imports each name from its submodule (`modules`: name →
    submodule) on first use and keeps it in the package."""

    def __getattr__(name: str) -> Any:
        if name not in modules:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        owner = importlib.import_module(package)
        value = getattr(importlib.import_module(f"{package}.{modules[name]}"), name)
        setattr(owner, name, value)
        return value

    return __getattr__
