"""The findings table model: a sound item model, the columns it shows, search and severity filters, sorting."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from desktop_app.views.checks.findings_model import (
    FINDING_ROLE,
    FindingsFilterProxyModel,
    FindingsModel,
    check_description,
    severity_label,
)
from planner.guidelines.findings import Finding
from planner.guidelines.profile import CHECKS

FINDINGS = (
    Finding("lead:i1", "lead", "error", "사업 A-01에 주관 기관이 없음", "initiative", "i1", "A-01 AI 돌봄 로봇"),
    Finding("kpi_present:i2", "kpi_present", "error", "사업 A-02에 성과지표가 없음", "initiative", "i2", "A-02 안부 확인"),
    Finding("duplicates:i1:i3", "duplicates", "warning", "제목이 비슷한 사업: A-01, B-01\n두 번째 줄",
            "initiative", "i3", "B-01 AI 돌봄 로봇"),
    Finding("budget_totals:2027:national", "budget_totals", "warning", "2027년 국비 합계가 맞지 않음",
            "budget_total", "bt1", "2027 국비"),
    Finding("submission_deadline:-", "submission_deadline", "info", "제출일이 정해지지 않음", "plan", None, ""),
)


@pytest.fixture(autouse=True)
def application(qapp: Any) -> Any:
    """The severity icons are pixmaps, which need the application object."""
    return qapp


@pytest.mark.parametrize("findings", [(), FINDINGS, FINDINGS[1:3]])
def test_model_passes_the_model_tester(qtmodeltester: Any, findings: tuple[Finding, ...]) -> None:
    model = FindingsModel()
    model.set_findings(findings)
    qtmodeltester.check(model, force_py=True)


def test_model_signals_its_updates_soundly(qtmodeltester: Any) -> None:
    model = FindingsModel()
    qtmodeltester.check(model, force_py=True)  # the tester now watches every later change
    model.set_findings(FINDINGS)  # inserted
    model.set_findings(FINDINGS[1:3])  # removed
    model.set_findings((FINDINGS[4], FINDINGS[2], FINDINGS[1]))  # inserted and moved
    model.set_findings(())
    assert model.rowCount() == 0


def test_model_and_proxy_pass_the_model_tester_when_filtered(qtmodeltester: Any) -> None:
    model = FindingsModel()
    model.set_findings(FINDINGS)
    proxy = FindingsFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_shown_severities({"error"})
    qtmodeltester.check(proxy, force_py=True)


def test_columns_show_severity_check_item_and_message() -> None:
    model = FindingsModel()
    model.set_findings(FINDINGS)
    assert model.rowCount() == 5
    assert model.columnCount() == 4
    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(4)]
    assert headers == ["Severity", "Check", "Item", "Message"]
    row = [model.index(0, n).data() for n in range(4)]
    assert row == ["Error", CHECKS["lead"], "A-01 AI 돌봄 로봇", "사업 A-01에 주관 기관이 없음"]
    assert isinstance(model.index(0, 0).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert not model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(0, 2).data(FINDING_ROLE) == FINDINGS[0]
    # the message is shown on one line; the tooltip holds it whole
    assert model.index(2, 3).data() == "제목이 비슷한 사업: A-01, B-01 두 번째 줄"
    assert model.index(2, 3).data(Qt.ItemDataRole.ToolTipRole) == FINDINGS[2].message
    # a message that starts with its item's label drops it (the Item column shows it); the tooltip keeps it
    labelled = Finding("lead:i9", "lead", "error", "A-09 AI 챗봇: no lead", "initiative", "i9", "A-09 AI 챗봇")
    model.set_findings((*FINDINGS, labelled))
    assert model.index(5, 3).data() == "no lead"
    assert model.index(5, 3).data(Qt.ItemDataRole.ToolTipRole) == "A-09 AI 챗봇: no lead"
    # a finding about the plan as a whole says so
    assert model.index(4, 2).data() == "The plan as a whole"


def test_labels_go_through_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    from planner import i18n

    catalogue = {"Error": "오류", "Warning": "경고", "Info": "참고", CHECKS["lead"]: "주관 기관"}
    monkeypatch.setattr(i18n, "_catalogue", lambda language: catalogue if language == "ko" else {})
    i18n.set_language("ko")
    try:
        assert [severity_label(severity) for severity in ("error", "warning", "info")] == ["오류", "경고", "참고"]
        assert check_description("lead") == "주관 기관"
    finally:
        i18n.set_language("en")
    assert check_description("no-such-check") == "no-such-check"


def test_selection_follows_a_finding_across_updates() -> None:
    model = FindingsModel()
    model.set_findings(FINDINGS)
    kept = QPersistentModelIndex(model.index(2, 1))
    model.set_findings((FINDINGS[4], *FINDINGS[1:4]))  # first removed, one moved to the top
    assert kept.isValid()
    assert model.data(model.index(kept.row(), 0), FINDING_ROLE).id == "duplicates:i1:i3"


def test_repeated_ids_are_made_unique() -> None:
    model = FindingsModel()
    model.set_findings((FINDINGS[0], FINDINGS[0]))
    assert [finding.id for finding in model.findings] == ["lead:i1", "lead:i1#2"]


def test_proxy_filters_by_severity_and_search_words() -> None:
    model = FindingsModel()
    model.set_findings(FINDINGS)
    proxy = FindingsFilterProxyModel()
    proxy.setSourceModel(model)

    def shown() -> list[str]:
        return [proxy.index(row, 0).data(FINDING_ROLE).id for row in range(proxy.rowCount())]

    proxy.set_shown_severities({"warning", "info"})
    assert shown() == ["duplicates:i1:i3", "budget_totals:2027:national", "submission_deadline:-"]
    proxy.set_search_text("국비")
    assert shown() == ["budget_totals:2027:national"]
    proxy.set_shown_severities({"error", "warning", "info"})
    proxy.set_search_text("a-01  돌봄")  # every word, case-insensitive, in label or message
    assert shown() == ["lead:i1", "duplicates:i1:i3"]
    proxy.set_search_text("")
    proxy.set_shown_severities(set())
    assert shown() == []


def test_sorting_by_severity_keeps_errors_first_and_reverses() -> None:
    model = FindingsModel()
    model.set_findings(tuple(reversed(FINDINGS)))
    proxy = FindingsFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    severities = [proxy.index(row, 0).data(FINDING_ROLE).severity for row in range(proxy.rowCount())]
    assert severities == ["error", "error", "warning", "warning", "info"]
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    severities = [proxy.index(row, 0).data(FINDING_ROLE).severity for row in range(proxy.rowCount())]
    assert severities == ["info", "warning", "warning", "error", "error"]
    proxy.sort(2, Qt.SortOrder.AscendingOrder)
    items = [proxy.index(row, 2).data() for row in range(proxy.rowCount())]
    assert items == sorted(items, key=str.casefold)
