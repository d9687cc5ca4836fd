"""The inspector dock's content: a generated form editing the selected rows or the plan record."""

from __future__ import annotations

from desktop_app.inspector.inspector_view import InspectorView

__all__ = ["InspectorView"]
