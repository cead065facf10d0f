"""Table models for the lead's floor: live chats and the per-agent KPI table."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from agent_desk.protocol.messages import AgentKpi, LiveChat

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def flag_text(flag: str) -> str:
    words = {
        "late_first_response": QCoreApplication.translate("Floor", "late first reply"),
        "ratio_out_of_band": QCoreApplication.translate("Floor", "答问比 out of band"),
        "long_chat": QCoreApplication.translate("Floor", "long chat"),
        "low_rating": QCoreApplication.translate("Floor", "low rating before"),
        "escalated": QCoreApplication.translate("Floor", "escalated"),
    }
    return words.get(flag, flag)


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows; columns are (header, getter) pairs."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], Any]]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return str(self.columns[index.column()][1](row))
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0]
        return None

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([header for header, _ in self.columns])
        for row in self.rows:
            writer.writerow([getter(row) for _, getter in self.columns])
        return out.getvalue()


def live_chat_columns(now: Callable[[], float]) -> list[tuple[str, Callable[[LiveChat], Any]]]:
    return [
        (
            QCoreApplication.translate("Floor", "Agent"),
            lambda c: c.agent_name or c.agent or QCoreApplication.translate("Floor", "(queued)"),
        ),
        (QCoreApplication.translate("Floor", "Customer"), lambda c: c.customer_name),
        (
            QCoreApplication.translate("Floor", "Waiting s"),
            lambda c: "" if c.waiting_since is None else int(now() - c.waiting_since),
        ),
        (
            QCoreApplication.translate("Floor", "Handling min"),
            lambda c: "" if c.assigned_at is None else int((now() - c.assigned_at) / 60),
        ),
        (QCoreApplication.translate("Floor", "First reply s"), lambda c: _seconds(c.first_response)),
        (QCoreApplication.translate("Floor", "答问比"), lambda c: "—" if c.ratio is None else f"{c.ratio:.2f}"),
        (QCoreApplication.translate("Floor", "Escalation"), lambda c: c.escalation or ""),
        (QCoreApplication.translate("Floor", "Flags"), lambda c: ", ".join(flag_text(f) for f in c.flags)),
    ]


def kpi_columns() -> list[tuple[str, Callable[[AgentKpi], Any]]]:
    return [
        (QCoreApplication.translate("Floor", "Agent"), lambda k: k.name),
        (QCoreApplication.translate("Floor", "Chats"), lambda k: k.chats),
        (QCoreApplication.translate("Floor", "Online h"), lambda k: f"{k.online_hours:.2f}"),
        (QCoreApplication.translate("Floor", "CPH"), lambda k: "—" if k.cph is None else f"{k.cph:.1f}"),
        (QCoreApplication.translate("Floor", "First reply avg s"), lambda k: _seconds(k.first_response_average)),
        (QCoreApplication.translate("Floor", "Within target"), lambda k: _share(k.first_response_within_target)),
        (QCoreApplication.translate("Floor", "Avg response s"), lambda k: _seconds(k.response_average)),
        (QCoreApplication.translate("Floor", "答问比"), lambda k: "—" if k.ratio is None else f"{k.ratio:.2f}"),
        (QCoreApplication.translate("Floor", "Satisfied"), lambda k: _share(k.satisfaction_rate)),
        (QCoreApplication.translate("Floor", "Dissatisfied"), lambda k: _share(k.dissatisfaction_rate)),
        (QCoreApplication.translate("Floor", "Rated"), lambda k: _share(k.participation_rate)),
        (QCoreApplication.translate("Floor", "Escalated"), lambda k: k.transferred_out),
    ]
