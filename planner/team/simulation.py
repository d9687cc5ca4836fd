"""Simulated editors on one team plan (the acceptance test and bench/bench_team.py): concurrency without loss.

Each editor is a thread with its own TeamPlan. It picks a random initiative and field, sometimes reads the row
first (sometimes edits from an older read, to provoke conflicts), and writes a value nobody else writes. Every
edit either commits (its value and the row version it made are recorded, with the version it had read) or is
refused with StaleEditError to its author. A watcher listens for change notifications to measure how soon
the others hear of each commit. check_no_lost_update() then proves, from the row versions, that no committed
edit silently overwrote another user's change it had not read, and that the final value of every field is
that of its last commit.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from planner.commands.rows import UpdateRow
from planner.team.connection import ConnectionLostError
from planner.team.live import ChangeListener, RemoteChange
from planner.team.session import StaleEditError, TeamPlan

EDITED_FIELDS = ("title", "purpose", "content", "lead_department", "target_users")


@dataclass(frozen=True)
class CommittedEdit:
    editor: str
    row_id: str
    field: str
    value: str
    read_version: int  # the row's version the editor had seen before this edit
    version: int  # the version this edit gave the row


@dataclass(frozen=True)
class RefusedEdit:
    editor: str
    row_id: str
    field: str
    changed_by: str
    fields: tuple[str, ...]


@dataclass
class SimulationResult:
    committed: list[CommittedEdit] = field(default_factory=list)
    refused: list[RefusedEdit] = field(default_factory=list)
    lost_connection: list[tuple[str, str]] = field(default_factory=list)  # (editor, message): told, not written
    heard: list[RemoteChange] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def edits_per_second(self) -> float:
        return len(self.committed) / self.seconds if self.seconds else 0.0

    def latencies(self) -> list[float]:
        """Seconds from just before each commit to the watcher hearing of it."""
        return [change.heard_at - change.sent_at for change in self.heard
                if change.sent_at is not None and change.heard_at is not None]

    def latency_summary(self) -> tuple[float, float]:
        found = self.latencies()
        return (statistics.median(found), max(found)) if found else (0.0, 0.0)


def run_editors(url: str, *, editors: int = 10, seconds: float = 5.0, hot_rows: int = 20, seed: int = 0,
                fresh_read_share: float = 0.6) -> SimulationResult:
    """Run `editors` threads editing random fields of `hot_rows` initiatives (of the published plan) for
    `seconds`; the watcher keeps listening until every commit was heard or a few seconds passed."""
    result = SimulationResult()
    lock = threading.Lock()
    with TeamPlan.connect(url, author="watcher") as watcher:
        ids = [row["id"] for row in watcher.read_rows("initiative")][:hot_rows]
        listener = ChangeListener(watcher.address, watcher.client_id, lambda change: _append(result, lock, change))
        listener.start()
        try:
            deadline = time.monotonic() + seconds
            started = time.monotonic()
            threads = [threading.Thread(target=_edit_until, name=f"editor-{number}",
                                        args=(url, f"editor-{number}", ids, deadline, seed * 1000 + number,
                                              fresh_read_share, result, lock))
                       for number in range(editors)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            result.seconds = time.monotonic() - started
            waited_until = time.monotonic() + 5.0
            while time.monotonic() < waited_until:
                with lock:
                    if len(result.heard) >= len(result.committed):
                        break
                time.sleep(0.05)
        finally:
            listener.stop()
    return result


def _append(result: SimulationResult, lock: threading.Lock, change: RemoteChange) -> None:
    with lock:
        result.heard.append(change)


def _edit_until(url: str, editor: str, ids: list[str], deadline: float, seed: int, fresh_read_share: float,
                result: SimulationResult, lock: threading.Lock) -> None:
    chooser = random.Random(seed)
    counter = 0
    with TeamPlan.connect(url, author=editor) as team:
        team.remember("initiative", ids)
        while time.monotonic() < deadline:
            row_id = chooser.choice(ids)
            name = chooser.choice(EDITED_FIELDS)
            if chooser.random() < fresh_read_share:
                team.remember("initiative", [row_id])
            counter += 1
            value = f"{editor}#{counter}"
            read_version = team.seen_version("initiative", row_id) or 0
            try:
                team.apply(UpdateRow("initiative", row_id, {name: value}))
            except StaleEditError as error:
                with lock:
                    result.refused.append(RefusedEdit(editor, row_id, name, error.changed_by, tuple(error.fields)))
                team.remember("initiative", [row_id])
                continue
            except ConnectionLostError as error:
                with lock:
                    result.lost_connection.append((editor, str(error)))
                continue
            version = team.seen_version("initiative", row_id) or 0
            with lock:
                result.committed.append(CommittedEdit(editor, row_id, name, value, read_version, version))


def check_no_lost_update(result: SimulationResult, final_rows: dict[str, dict[str, Any]]) -> list[str]:
    """Problems found (none expected): a field whose final value is not its last commit's, a commit that
    overwrote another editor's commit of the same field made after its read, a refusal naming its own author."""
    problems: list[str] = []
    by_field: dict[tuple[str, str], list[CommittedEdit]] = {}
    for edit in result.committed:
        by_field.setdefault((edit.row_id, edit.field), []).append(edit)
    for (row_id, name), edits in by_field.items():
        edits.sort(key=lambda edit: edit.version)
        last = edits[-1]
        if final_rows[row_id][name] != last.value:
            problems.append(f"{row_id}.{name}: final {final_rows[row_id][name]!r}, last commit {last.value!r}")
        for edit in edits:
            overwritten = [other for other in edits if other.editor != edit.editor
                           and edit.read_version < other.version < edit.version]
            if overwritten:
                problems.append(f"{edit.editor} overwrote {overwritten[0].editor}'s {row_id}.{name} unseen")
    for refusal in result.refused:
        if refusal.changed_by == refusal.editor or refusal.field not in refusal.fields:
            problems.append(f"refusal to {refusal.editor} of {refusal.row_id}.{refusal.field}: {refusal}")
    return problems
