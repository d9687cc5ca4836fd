"""Alembic environment: migrations always run on a connection the planner hands over."""

from __future__ import annotations

from alembic import context

from planner.model import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Plan migrations run only through planner.storage.migrate, on an open connection.")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
