"""The declarative base, shared column types and the row mixin every table uses."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from planner.months import YearMonth

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A fresh UUID as text: every row's identity, stable across files for merging."""
    return str(uuid.uuid4())


def utc_now() -> datetime:
    """Now in UTC as a naive datetime (SQLite keeps no zone), to the microsecond."""
    return datetime.now(UTC).replace(tzinfo=None)


class YearMonthType(TypeDecorator[YearMonth]):
    """Stores a YearMonth as its integer month index."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: YearMonth | int | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, YearMonth):
            return value.index
        return int(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> YearMonth | None:
        return None if value is None else YearMonth.from_index(int(value))


class DecimalText(TypeDecorator[Decimal]):
    """Stores an exact decimal (KPI values such as 4.5 or 98.25) as text, never as a float."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        try:
            return str(Decimal(str(value)))
        except InvalidOperation as error:
            raise ValueError(f"{value!r} is not a number") from error

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    """Base of every table of a plan file."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RowMixin:
    """Every row carries a UUID and the time it was last modified."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)
