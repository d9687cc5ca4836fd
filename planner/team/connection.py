"""Reaching a team plan's PostgreSQL server: the address, its password-masked form, the engine, errors in words."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from planner.errors import PlannerError
from planner.i18n import _

DRIVER = "postgresql+psycopg"
ACCEPTED_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
CONNECT_TIMEOUT_SECONDS = 10
APPLICATION_NAME = "Convergence Planner"
MASK = "***"
# SQLSTATE classes and codes the messages tell apart (PostgreSQL, Appendix A).
LOGIN_REFUSED_STATES = ("28000", "28P01")
NO_DATABASE_STATE = "3D000"
NOT_ALLOWED_STATE = "42501"
# Shorter "passwords" are not scrubbed from messages: replacing one or two letters everywhere would garble them.
SHORTEST_SCRUBBED_PASSWORD = 3

_USERINFO_PASSWORD = re.compile(r"(://[^/@\s:]*:)[^@\s]*@")
_QUERY_PASSWORD = re.compile(r"(password=)[^&\s]*", re.IGNORECASE)


class ServerError(PlannerError):
    """The server could not be reached or refused what was asked; the message names the masked address."""


class ConnectionLostError(ServerError):
    """The connection to the server broke (or could not be made): what was running in it was not committed —
    unless `outcome_unknown`: it broke as an edit was committing and the server could not be asked since."""

    outcome_unknown = False


# SQLSTATEs that mean the connection is gone: class 08 (connection exception), administrator or crash shutdown.
CONNECTION_LOST_STATES = ("57P01", "57P02", "57P03")


def is_connection_lost(error: BaseException) -> bool:
    """Whether a driver error means the connection broke (pg_terminate_backend, a restart, the network)."""
    if getattr(error, "connection_invalidated", False):
        return True
    state = _state_of(error)
    if state.startswith("08") or state in CONNECTION_LOST_STATES:
        return True
    original = getattr(error, "orig", None) or error
    try:
        import psycopg
    except ImportError:  # pragma: no cover - require_driver ran first
        return False
    return isinstance(original, psycopg.OperationalError) and not state


def mask_address_text(text: str) -> str:
    """`text` with any password in a URL's user part or a password= parameter replaced by ***."""
    return _QUERY_PASSWORD.sub(rf"\g<1>{MASK}", _USERINFO_PASSWORD.sub(rf"\g<1>{MASK}@", text))


@dataclass(frozen=True)
class ServerAddress:
    """Where a team plan lives: a PostgreSQL URL for the psycopg driver. Passwords come from the URL, PGPASSWORD
    or ~/.pgpass (libpq reads the last two itself); the app never stores one."""

    url: URL

    @property
    def database(self) -> str:
        return self.url.database or ""

    @property
    def masked(self) -> str:
        """The address as every message shows it: postgresql://user:***@host:port/database."""
        shown = self.url.set(drivername="postgresql").render_as_string(hide_password=True)
        base, mark, query = shown.partition("?")
        return base + mark + _QUERY_PASSWORD.sub(rf"\g<1>{MASK}", unquote(query))

    def passwords(self) -> list[str]:
        """Every password this address may log in with (to scrub from messages the server or driver write)."""
        found = [self.url.password, self.url.query.get("password"), os.environ.get("PGPASSWORD")]
        return [str(p) for p in found if p and isinstance(p, str) and len(p) >= SHORTEST_SCRUBBED_PASSWORD]

    def scrub(self, message: str) -> str:
        """`message` on one line, without any password of this address."""
        text = " ".join(str(message).split())
        for password in self.passwords():
            text = text.replace(password, MASK)
        return mask_address_text(text)


def parse_server_address(text: str) -> ServerAddress:
    """The address a user wrote (postgresql://USER@HOST:PORT/DATABASE); ServerError when it is not one."""
    written = str(text).strip()
    try:
        url = make_url(written)
    except (ArgumentError, ValueError):
        raise ServerError(_("{url} is not a server address; write it as postgresql://USER@HOST:PORT/DATABASE.")
                          .format(url=mask_address_text(written))) from None
    if url.drivername not in ACCEPTED_SCHEMES:
        raise ServerError(_("{url} is not a PostgreSQL address; it must begin with postgresql://.")
                          .format(url=mask_address_text(written)))
    address = ServerAddress(url.set(drivername=DRIVER))
    if not address.database:
        raise ServerError(_("{url} names no database; write it as postgresql://USER@HOST:PORT/DATABASE.")
                          .format(url=address.masked))
    try:
        url.port  # noqa: B018 - a port that is not a number fails here, not later inside the driver
    except ValueError:
        raise ServerError(_("{url} has a port that is not a number.").format(url=mask_address_text(written))) from None
    return address


def require_driver() -> None:
    """ServerError when the PostgreSQL driver is not installed (a standalone PC needs none). An installed (frozen)
    app cannot pip install: it says the installation was built without team plans, and which build option."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        if getattr(sys, "frozen", False):
            raise ServerError(_("This installation of Convergence Planner was built without team plans "
                                "(build option CPLAN_BUNDLE_TEAM=0), so it cannot open a plan on a server. "
                                "Install the standard installer, which includes them.")) from None
        raise ServerError(_("Team plans need the PostgreSQL driver psycopg, which is not installed "
                            "(pip install \"convergence-planner[team]\").")) from None


def make_server_engine(address: ServerAddress) -> Engine:
    """An engine on the team plan's database: connections checked before use, a bounded connect time."""
    require_driver()
    return create_engine(
        address.url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": APPLICATION_NAME},
    )


def _state_of(error: BaseException) -> str:
    original = getattr(error, "orig", error)
    return str(getattr(original, "sqlstate", "") or "")


def _reason_of(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    # libpq writes "connection failed: connection to server at ... failed: FATAL:  password authentication ...";
    # drop the hint lines ("Is the server running ...?") after the first.
    return lines[0] if lines else type(original).__name__


def server_error(error: BaseException, address: ServerAddress) -> ServerError:
    """A driver or database error as a message for the user, naming the masked address and never a password."""
    state = _state_of(error)
    reason = address.scrub(_reason_of(error))
    lowered = reason.lower()
    url = address.masked
    if state in LOGIN_REFUSED_STATES or "password authentication failed" in lowered or "no password supplied" in lowered:
        message = _("The server at {url} refused the login: {reason}")
    elif state == NO_DATABASE_STATE or ("database" in lowered and "does not exist" in lowered):
        message = _("The server at {url} has no database named {database}.")
    elif state == NOT_ALLOWED_STATE:
        message = _("The server at {url} refused this: {reason}. Your database role does not allow it; "
                    "see the roles in docs/team-mode.md.")
    elif state in CONNECTION_LOST_STATES or getattr(error, "connection_invalidated", False):
        message = _("The connection to the server at {url} was lost: {reason}")
    elif state == "" or state.startswith("08"):
        message = _("Could not connect to the server at {url}: {reason}")
    else:
        message = _("The server at {url} reported an error: {reason}")
    kind = ConnectionLostError if is_connection_lost(error) else ServerError
    return kind(message.format(url=url, reason=reason, database=address.database))


@contextlib.contextmanager
def server_errors(address: ServerAddress) -> Iterator[None]:
    """Turn driver and database errors raised inside the block into ServerError (PlannerErrors pass through)."""
    try:
        yield
    except DBAPIError as error:
        raise server_error(error, address) from None
    except Exception as error:
        try:
            import psycopg
        except ImportError:  # pragma: no cover - require_driver ran first
            raise error from None
        if isinstance(error, psycopg.Error):
            raise server_error(error, address) from None
        raise
