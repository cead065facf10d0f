"""The lead's windows: live chats on the floor, the dashboard, QC sheets and history."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from agent_desk.protocol.messages import FloorReport, LiveChat, QcScoreInfo
from agent_desk.ui.floor_models import ROW_ROLE, RowsModel, flag_text, kpi_columns, live_chat_columns

HISTOGRAM = ("0-5s", "5-10s", "10-20s", "20-30s", "30-60s", "60s+")
DATA_ROLE = Qt.ItemDataRole.UserRole + 1


class FlagFilter(QSortFilterProxyModel):
    """Keeps the rows that carry a flag (or all, with no flag chosen)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.flag: str | None = None

    def set_flag(self, flag: str | None) -> None:
        self.beginFilterChange()
        self.flag = flag
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        if self.flag is None:
            return True
        chat: LiveChat = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        return self.flag in chat.flags


class LiveTable(QTableView):
    """Enter watches the chat; W whispers to its agent."""

    watch_requested = Signal(object)
    whisper_requested = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        chat = self.currentIndex().data(ROW_ROLE)
        if chat is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.watch_requested.emit(chat)
            return
        if chat is not None and event.key() == Qt.Key.Key_W:
            self.whisper_requested.emit(chat)
            return
        super().keyPressEvent(event)


class LiveChatsWindow(QDialog):
    refresh_requested = Signal()

    def __init__(self, now: Callable[[], float], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Live chats on the floor"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.model = RowsModel(live_chat_columns(now), self)
        self.proxy = FlagFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = LiveTable(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves (it was a keyboard trap)
        self.table.setAccessibleName(self.tr("Live chats: Enter watches, W whispers to the agent"))
        self.filter = QComboBox(self)
        self.filter.setAccessibleName(self.tr("Show chats with flag"))
        self.filter.addItem(self.tr("All chats"), None)
        for flag in ("late_first_response", "ratio_out_of_band", "long_chat", "low_rating", "escalated"):
            self.filter.addItem(flag_text(flag), flag)
        self.filter.currentIndexChanged.connect(lambda _i: self.proxy.set_flag(self.filter.currentData()))
        label = QLabel(self.tr("&Flag:"), self)
        label.setBuddy(self.filter)
        self.sort = QComboBox(self)
        self.sort.setAccessibleName(self.tr("Sort by column"))
        for column, (header, _getter) in enumerate(self.model.columns):
            self.sort.addItem(header, column)
        self.sort.activated.connect(
            lambda _i: self.table.sortByColumn(int(self.sort.currentData()), Qt.SortOrder.DescendingOrder)
        )
        sort_label = QLabel(self.tr("S&ort:"), self)
        sort_label.setBuddy(self.sort)
        self.count = QLabel(self)
        refresh = QPushButton(self.tr("&Refresh"), self)
        refresh.clicked.connect(self.refresh_requested)
        row = QHBoxLayout()
        for widget in (label, self.filter, sort_label, self.sort, self.count, refresh):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.resize(980, 520)

    def show_chats(self, chats: list[LiveChat]) -> None:
        self.model.set_rows(chats)
        self.count.setText(self.tr("%1 live chats").replace("%1", str(len(chats))))
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))


class WhisperDialog(QDialog):
    chosen = Signal(str)

    def __init__(self, agent_name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Private note to %1").replace("%1", agent_name))
        self.text = QLineEdit(self)
        self.text.setAccessibleName(self.tr("Private note (the customer never sees it)"))
        # Buttons as well as Enter and Escape: what the dialog can do is seen and reached by Tab.
        # Enter in the field presses the default button (Send note).
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Send note"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The customer never sees this note."), self))
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.isVisible() and self.text.text().strip():
            self.chosen.emit(self.text.text().strip())
            self.accept()


class DashboardWindow(QDialog):
    """Live figures, today's figures, charts and the per-agent KPI table."""

    refresh_requested = Signal()
    export_requested = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Floor dashboard"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.live = QLabel(self)
        self.live.setAccessibleName(self.tr("Live figures"))
        self.live.setWordWrap(True)
        self.today = QLabel(self)
        self.today.setAccessibleName(self.tr("Today's figures"))
        self.today.setWordWrap(True)
        self.queue_chart = QChartView(self)
        self.queue_chart.setAccessibleName(self.tr("Chart: queue and crisis quotient over the last hours"))
        self.frt_chart = QChartView(self)
        self.frt_chart.setAccessibleName(self.tr("Chart: first-response times today"))
        self.kpis = RowsModel(kpi_columns(), self)
        self.table = QTableView(self)
        self.table.setModel(self.kpis)
        self.table.setAccessibleName(self.tr("Per-agent figures today"))
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves (it was a keyboard trap)
        self.path = QLineEdit("agent_kpis.csv", self)
        self.path.setAccessibleName(self.tr("CSV file to export to"))
        export = QPushButton(self.tr("&Export CSV"), self)
        export.clicked.connect(lambda: self.export_requested.emit(self.path.text().strip()))
        refresh = QPushButton(self.tr("&Refresh"), self)
        refresh.clicked.connect(self.refresh_requested)
        grid = QGridLayout(self)
        grid.addWidget(self.live, 0, 0)
        grid.addWidget(self.today, 0, 1)
        grid.addWidget(self.queue_chart, 1, 0)
        grid.addWidget(self.frt_chart, 1, 1)
        grid.addWidget(self.table, 2, 0, 1, 2)
        row = QHBoxLayout()
        for widget in (self.path, export, refresh):
            row.addWidget(widget)
        grid.addLayout(row, 3, 0, 1, 2)
        self.resize(1100, 760)

    def show_report(self, report: FloorReport) -> None:
        live, today = report.live, report.today
        level = {"normal": self.tr("normal"), "busy": self.tr("busy"), "overload": self.tr("OVERLOAD")}[live.cq_level]
        self.live.setText(
            self.tr(
                "Agents online %1 (available %2, away %3, paused %4) · active chats %5 · queue %6,"
                " longest wait %7 s · capacity %8 · CQ %9 (%10)"
            )
            .replace("%10", level)
            .replace("%1", str(live.agents_online))
            .replace("%2", str(live.available))
            .replace("%3", str(live.away))
            .replace("%4", str(live.paused))
            .replace("%5", str(live.chats_active))
            .replace("%6", str(live.queue_length))
            .replace("%7", str(int(live.longest_wait)))
            .replace("%8", str(live.capacity))
            .replace("%9", f"{live.cq:.2f}")
        )
        self.live.setAccessibleDescription(self.live.text())
        self.today.setText(self._today_text(report))
        self.today.setAccessibleDescription(self.today.text())
        self.kpis.set_rows(today.agents)
        self._charts(report)

    def _today_text(self, report: FloorReport) -> str:
        today = report.today

        def pct(value: float | None) -> str:
            return "—" if value is None else f"{value * 100:.0f}%"

        def sec(value: float | None) -> str:
            return "—" if value is None else f"{value:.1f} s"

        parts = [
            self.tr("first reply %1 on average, %2 within target")
            .replace("%1", sec(today.first_response_average))
            .replace("%2", pct(today.first_response_within_target)),
            self.tr("average response %1").replace("%1", sec(today.response_average)),
            self.tr("答问比 %1").replace("%1", "—" if today.ratio is None else f"{today.ratio:.2f}"),
            self.tr("satisfied %1, dissatisfied %2, rated %3")
            .replace("%1", pct(today.satisfaction_rate))
            .replace("%2", pct(today.dissatisfaction_rate))
            .replace("%3", pct(today.participation_rate)),
            self.tr("%1 escalations, %2 chats closed")
            .replace("%1", str(today.escalations))
            .replace("%2", str(today.chats_closed)),
        ]
        return " · ".join(parts)

    def _charts(self, report: FloorReport) -> None:
        queue, cq = QLineSeries(), QLineSeries()
        queue.setName(self.tr("Queue"))
        cq.setName(self.tr("CQ × 10"))
        start = report.history[0].ts if report.history else 0.0
        for sample in report.history:
            minutes = (sample.ts - start) / 60
            queue.append(minutes, sample.queue_length)
            cq.append(minutes, sample.cq * 10)
        chart = QChart()
        chart.setTitle(self.tr("Queue and CQ (minutes)"))
        chart.addSeries(queue)
        chart.addSeries(cq)
        chart.createDefaultAxes()
        self.queue_chart.setChart(chart)
        bars = QBarSet(self.tr("First replies"))
        for count in report.today.first_response_histogram or [0] * len(HISTOGRAM):
            bars.append(count)
        series = QBarSeries()
        series.append(bars)
        histogram = QChart()
        histogram.setTitle(self.tr("First-response times today"))
        histogram.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append(list(HISTOGRAM))
        histogram.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        values = QValueAxis()
        histogram.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        self.frt_chart.setChart(histogram)
        # A chart is pixels to a screen reader: its figures go in words into its description.
        self.queue_chart.setAccessibleDescription(self._queue_words(report))
        self.frt_chart.setAccessibleDescription(self._histogram_words(report.today.first_response_histogram))

    def _histogram_words(self, counts: list[int]) -> str:
        if not counts or not any(counts):
            return self.tr("No first replies yet today.")
        bands = ", ".join(f"{band}: {count}" for band, count in zip(HISTOGRAM, counts, strict=False))
        return self.tr("First replies today by time taken: %1.").replace("%1", bands)

    def _queue_words(self, report: FloorReport) -> str:
        if not report.history:
            return self.tr("No queue figures yet.")
        now, busiest = report.history[-1], max(report.history, key=lambda sample: sample.queue_length)
        hours = (report.history[-1].ts - report.history[0].ts) / 3600
        return (
            self.tr("Over the last %1 hours: %2 waiting now, at most %3; CQ now %4, at most %5.")
            .replace("%1", f"{hours:.1f}")
            .replace("%2", str(now.queue_length))
            .replace("%3", str(busiest.queue_length))
            .replace("%4", f"{now.cq:.2f}")
            .replace("%5", f"{max(sample.cq for sample in report.history):.2f}")
        )


def qc_csv(scores: list[QcScoreInfo]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    codes = sorted({code for score in scores for code in score.deductions})
    writer.writerow(["scored_at", "agent", "lead", "conversation", "total", *codes, "appeal", "comments"])
    for s in scores:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(s.scored_at))
        points = [s.deductions.get(code, 0) for code in codes]
        writer.writerow([when, s.agent, s.lead, s.conversation_id, s.total, *points, s.appeal, s.comments])
    return out.getvalue()


class QcHistory(QDialog):
    """QC scores, newest first; agents appeal, leads resolve; Export writes CSV."""

    appeal_requested = Signal(int, str)
    resolve_requested = Signal(int, bool, str)
    export_requested = Signal(str)

    def __init__(self, scores: list[QcScoreInfo], can_resolve: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("QC scores"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("QC scores, newest first"))
        for score in scores:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(score.scored_at))
            text = self.tr("%1 · %2/100 by %3 · appeal: %4").replace("%1", when).replace("%2", str(score.total))
            text = text.replace("%3", score.lead).replace("%4", score.appeal)
            item = QListWidgetItem(f"{text}\n{score.comments}", self.list)
            item.setData(DATA_ROLE, score)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(self.tr("Reason or note"))
        buttons = QDialogButtonBox(self)
        if can_resolve:
            uphold = buttons.addButton(self.tr("&Uphold"), QDialogButtonBox.ButtonRole.ActionRole)
            uphold.clicked.connect(lambda: self._resolve(True))
        else:
            appeal = buttons.addButton(self.tr("&Appeal"), QDialogButtonBox.ButtonRole.ActionRole)
            appeal.clicked.connect(self._appeal)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        self.path = QLineEdit("qc_scores.csv", self)
        self.path.setAccessibleName(self.tr("CSV file to export to"))
        export = buttons.addButton(self.tr("&Export CSV"), QDialogButtonBox.ButtonRole.ActionRole)
        export.clicked.connect(lambda: self.export_requested.emit(self.path.text().strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.path)
        layout.addWidget(QLabel(self.tr("&Reason or note:"), self))
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)

    def current(self) -> QcScoreInfo | None:
        item = self.list.currentItem()
        return item.data(DATA_ROLE) if item is not None else None

    def _appeal(self) -> None:
        score = self.current()
        if score is not None and self.reason.toPlainText().strip():
            self.appeal_requested.emit(score.score_id, self.reason.toPlainText().strip())

    def _resolve(self, accept: bool) -> None:
        score = self.current()
        if score is not None:
            self.resolve_requested.emit(score.score_id, accept, self.reason.toPlainText().strip())
