"""Other users' edits as they are committed: a thread LISTENing on the team plan's change channel.

Every edit made through TeamPlan sends `NOTIFY cplan_changes, '{"client": ..., "by": ..., "kinds": [...]}'` in its
own transaction (delivered at commit). A ChangeListener keeps one autocommit connection of its own, waits for
those notifications with a short timeout (so stop() is prompt), drops its own TeamPlan's, and calls back with the
kinds of row that changed. When its connection breaks it reconnects (waiting longer each time, up to a few seconds)
and then calls back with kinds=None: notifications sent while it was away are lost, so everything may have changed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from planner.team.connection import CONNECT_TIMEOUT_SECONDS, ServerAddress, make_server_engine
from planner.team.session import CHANGES_CHANNEL

log = logging.getLogger(__name__)

WAIT_SECONDS = 0.2  # how long one wait for notifications lasts (stop() takes at most about this long)
RECONNECT_DELAYS = (0.2, 0.5, 1.0, 2.0, 5.0)


@dataclass(frozen=True)
class RemoteChange:
    """One edit committed by someone else: who, and which kinds of row (None: unknown, reload everything)."""

    author: str
    kinds: frozenset[str] | None
    sent_at: float | None = None  # the sender's clock (time.time()) just before it committed
    heard_at: float | None = None  # this listener's clock when the notification arrived


def parse_payload(payload: str) -> tuple[str, RemoteChange] | None:
    """The client id and change a notification names; None for a payload that is not ours (ignored)."""
    try:
        found = json.loads(payload)
    except (TypeError, ValueError):
        return None
    if not isinstance(found, dict) or not isinstance(found.get("kinds"), list):
        return None
    kinds = frozenset(str(kind) for kind in found["kinds"] if isinstance(kind, str))
    sent_at = found.get("at")
    sent = float(sent_at) if isinstance(sent_at, (int, float)) and not isinstance(sent_at, bool) else None
    return str(found.get("client", "")), RemoteChange(str(found.get("by", "")), kinds, sent, time.time())


class ChangeListener:
    """Calls `on_change(RemoteChange)` in its own thread for every edit other clients commit to the team plan;
    `on_state(connected)` when its connection breaks or comes back. start(); stop() when done."""

    def __init__(self, address: ServerAddress, own_client: str, on_change: Callable[[RemoteChange], None],
                 on_state: Callable[[bool], None] | None = None) -> None:
        self.address = address
        self.own_client = own_client
        self.on_change = on_change
        self.on_state = on_state
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connected = threading.Event()
        self._first_attempt_done = threading.Event()  # start(wait=True) waits for this
        engine = make_server_engine(address)
        try:
            arguments, parameters = engine.dialect.create_connect_args(address.url)
        finally:
            engine.dispose()
        self._connect_arguments: tuple[list[Any], dict[str, Any]] = (list(arguments), dict(parameters))
        self.backend_pid: int | None = None

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def start(self, *, wait: bool = True) -> None:
        """Start listening; with `wait`, return once the first connection listens (or failed)."""
        self._thread = threading.Thread(target=self._run, name="cplan-team-listener", daemon=True)
        self._thread.start()
        if wait:
            self._first_attempt_done.wait(CONNECT_TIMEOUT_SECONDS + 1)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(CONNECT_TIMEOUT_SECONDS)
            self._thread = None

    def _connect(self) -> Any:
        import psycopg

        arguments, parameters = self._connect_arguments
        connection = psycopg.connect(*arguments, **parameters, autocommit=True,
                                     connect_timeout=CONNECT_TIMEOUT_SECONDS,
                                     application_name="Convergence Planner (live updates)")
        connection.execute(f"LISTEN {CHANGES_CHANNEL}")
        return connection

    def _run(self) -> None:
        import psycopg

        attempt = 0
        first = True
        while not self._stop.is_set():
            try:
                connection = self._connect()
            except psycopg.Error as error:
                log.info("Live updates: cannot connect: %s", self.address.scrub(str(error)))
                self._first_attempt_done.set()
                self._stop.wait(RECONNECT_DELAYS[min(attempt, len(RECONNECT_DELAYS) - 1)])
                attempt += 1
                continue
            self.backend_pid = connection.info.backend_pid
            self._connected.set()
            self._first_attempt_done.set()
            if not first or attempt:
                self._tell_state(True)
                self._tell(RemoteChange("", None))  # what was sent while away is lost: reload everything
            first, attempt = False, 0
            try:
                self._listen(connection)
            except psycopg.Error as error:
                log.info("Live updates: connection lost: %s", self.address.scrub(str(error)))
                self._connected.clear()
                self._tell_state(False)
            finally:
                with contextlib.suppress(Exception):
                    connection.close()

    def _listen(self, connection: Any) -> None:
        while not self._stop.is_set():
            for notification in connection.notifies(timeout=WAIT_SECONDS):
                parsed = parse_payload(notification.payload)
                if parsed is None or parsed[0] == self.own_client:
                    continue
                self._tell(parsed[1])
            if connection.closed or connection.broken:
                raise psycopg_operational("the connection was closed")

    def _tell(self, change: RemoteChange) -> None:
        try:
            self.on_change(change)
        except Exception:  # a failing receiver must not end live updates
            log.exception("Live updates: the receiver failed")

    def _tell_state(self, connected: bool) -> None:
        if self.on_state is not None:
            try:
                self.on_state(connected)
            except Exception:
                log.exception("Live updates: the state receiver failed")


def psycopg_operational(message: str) -> Exception:
    import psycopg

    return psycopg.OperationalError(message)
