"""Team plans on PostgreSQL: set up a server database, publish and check out plans, edit with optimistic concurrency."""

from __future__ import annotations
