"""The trainer's console: one tile per trainee, typing as the customer to all or one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from agent_desk.client.chats import ChatRecord
from agent_desk.domain.response import qa_ratio
from agent_desk.protocol.messages import (
    ChatState,
    ConversationInfo,
    Event,
    PracticeMember,
    PracticeRoomInfo,
    ScenarioLine,
)
from agent_desk.ui.message_delegate import MessageDelegate
from agent_desk.ui.message_model import MessageModel


class TraineeTile(QGroupBox):
    """One trainee's practice chat, live, with its figures."""

    score_requested = Signal(str)
    replay_requested = Signal(str)

    def __init__(self, member: PracticeMember, record: ChatRecord, parent: Any = None) -> None:
        super().__init__(member.display_name, parent)
        self.member = member
        self.record = record
        self.model = MessageModel(record, self)
        self.messages = QListView(self)
        self.messages.setModel(self.model)
        self.messages.setItemDelegate(MessageDelegate(self.messages))
        self.messages.setAccessibleName(self.tr("Practice chat of %1").replace("%1", member.display_name))
        self.figures = QLabel(self)
        self.figures.setWordWrap(True)
        self.figures.setAccessibleName(self.tr("Figures of %1").replace("%1", member.display_name))
        self.typing = QLabel(self)
        score = QPushButton(self.tr("Score…"), self)
        score.setAccessibleName(self.tr("Score %1").replace("%1", member.display_name))
        score.clicked.connect(lambda: self.score_requested.emit(member.trainee))
        replay = QPushButton(self.tr("Replay…"), self)
        replay.setAccessibleName(self.tr("Replay the practice of %1").replace("%1", member.display_name))
        replay.clicked.connect(lambda: self.replay_requested.emit(member.trainee))
        row = QHBoxLayout()
        row.addWidget(self.figures, 1)
        row.addWidget(score)
        row.addWidget(replay)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.typing)
        layout.addLayout(row)
        self.refresh()

    def apply(self, event: Event) -> None:
        change = self.record.plan_event(event)
        if change is not None:
            self.model.apply(change)
            self.record.note_event(event)
            self.messages.scrollToBottom()

    def refresh(self) -> None:
        clock = self.record.clock
        frt = f"{clock.first_response:.1f} s" if clock.first_response is not None else "—"
        avg = clock.average_response
        ratio = qa_ratio(self.record.agent_messages, self.record.customer_messages)
        text = self.tr("First reply %1 · average %2 · 答问比 %3").replace("%1", frt)
        text = text.replace("%2", f"{avg:.1f} s" if avg is not None else "—")
        self.figures.setText(text.replace("%3", f"{ratio:.2f}" if ratio is not None else "—"))

    def set_typing(self, active: bool) -> None:
        self.typing.setText(self.tr("typing…") if active else "")


class PracticeConsole(QDialog):
    """Signals:
    say_requested(str, object): text and the trainee (None: everyone).
    step_requested(), close_requested(), score_requested(str), replay_requested(str).
    """

    say_requested = Signal(str, object)
    step_requested = Signal()
    close_requested = Signal()
    score_requested = Signal(str)
    replay_requested = Signal(str)

    def __init__(self, room: PracticeRoomInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.room = room
        self.setWindowTitle(self.tr("Practice room: %1").replace("%1", room.title or str(room.room_id)))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.tiles: dict[str, TraineeTile] = {}
        grid = QGridLayout()
        for index, member in enumerate(room.members):
            info = ConversationInfo(
                conversation_id=member.conversation_id,
                customer_id="",
                customer_name=self.tr("Customer (you)"),
                state=ChatState.ASSIGNED,
                created_at=room.created_at,
            )
            tile = TraineeTile(member, ChatRecord(info), self)
            tile.score_requested.connect(self.score_requested)
            tile.replay_requested.connect(self.replay_requested)
            grid.addWidget(tile, index // 4, index % 4)
            self.tiles[member.conversation_id] = tile
        self.target = QComboBox(self)
        self.target.setAccessibleName(self.tr("Say it to"))
        self.target.addItem(self.tr("All trainees"), None)
        for member in room.members:
            self.target.addItem(member.display_name, member.trainee)
        self.line = QLineEdit(self)
        self.line.setAccessibleName(self.tr("Say as the customer (Enter sends)"))
        self.line.setPlaceholderText(self.tr("Type as the customer; Enter sends"))
        self.line.returnPressed.connect(self._say)
        self.script = QLabel(self)
        self.script.setWordWrap(True)
        self.script.setAccessibleName(self.tr("Scripted line and key points"))
        self.step_button = QPushButton(self.tr("&Next scripted line (Ctrl+N)"), self)
        self.step_button.setEnabled(room.scenario is not None)
        self.step_button.clicked.connect(self.step_requested)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.step_requested.emit)
        close = QPushButton(self.tr("&End practice"), self)
        close.clicked.connect(self.close_requested)
        # On Linux a combo box is announced by its value: the label tells a screen reader what it is for.
        target_label = QLabel(self.tr("Say it &to:"), self)
        target_label.setBuddy(self.target)
        # The line gets a row of its own: at 200 % text it needs the width the buttons would take.
        say_row = QHBoxLayout()
        say_row.addWidget(target_label)
        say_row.addWidget(self.target)
        say_row.addWidget(self.line, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.step_button)
        bottom.addWidget(close)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        tiles = QWidget(self)
        tiles.setLayout(grid)
        # Ten tiles at 200 % text do not fit a laptop screen: they scroll instead.
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setWidget(tiles)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.script)
        layout.addLayout(say_row)
        layout.addLayout(bottom)
        self.resize(1200, 760)
        self.line.setFocus()

    def _say(self) -> None:
        text = self.line.text().strip()
        if text:
            self.say_requested.emit(text, self.target.currentData())
            self.line.clear()

    def show_line(self, step: int, line: ScenarioLine, remaining: int) -> None:
        points = "; ".join(line.key_points)
        text = self.tr("Line %1 sent (%2 left): %3 — key points: %4")
        self.script.setText(
            text.replace("%1", str(step)).replace("%2", str(remaining)).replace("%3", line.text).replace("%4", points)
        )
        self.step_button.setEnabled(remaining > 0)

    def tile_for(self, conversation_id: str) -> TraineeTile | None:
        return self.tiles.get(conversation_id)

    def tile_of_trainee(self, trainee: str) -> TraineeTile | None:
        return next((t for t in self.tiles.values() if t.member.trainee == trainee), None)
