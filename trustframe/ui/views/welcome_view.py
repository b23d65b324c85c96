"""The first screen when no workspace is open: create one, open one, or explore the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustframe.ui import icons


class WelcomeView(QWidget):
    """Three clear choices and the recent workspaces."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    #: A recent workspace was chosen (its path).
    recent_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_widgets()
        self._build_layout()
        self._connect_signals()

    def _build_widgets(self) -> None:
        self.logo = QLabel()
        self.logo.setPixmap(icons.icon(icons.APP).pixmap(QSize(64, 64)))
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self.tr("Welcome to TrustFrame"))
        self.title.setObjectName("PageTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tagline = QLabel(self.tr(
            "Assess how far you can trust an ICT vendor and its products before you buy, with the EWI "
            "Buyers Guide questions. Everything stays on this computer, in one workspace file."))
        self.tagline.setObjectName("PageSubtitle")
        self.tagline.setWordWrap(True)
        self.tagline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = self._choice(icons.WORKSPACE_NEW, self.tr("Create a workspace…"),
                                       self.tr("Start your own register of vendors and assessments."))
        self.new_button.setProperty("primary", True)
        self.open_button = self._choice(icons.OPEN, self.tr("Open a workspace…"),
                                        self.tr("Continue with a .tfw file you or a colleague made."))
        self.demo_button = self._choice(icons.DEMO, self.tr("Explore the demo workspace"),
                                        self.tr("Eight fictional vendors with assessments in every state."))
        self.recent_title = QLabel(self.tr("Recent workspaces"))
        self.recent_title.setObjectName("SectionTitle")
        self.recent_list = QListWidget()
        self.recent_list.setAccessibleName(self.tr("Recent workspaces"))
        self.recent_list.setMaximumHeight(150)

    def _choice(self, icon: str, text: str, hint: str) -> QPushButton:
        button = QPushButton(icons.icon(icon), f"{text}\n{hint}")
        button.setIconSize(QSize(28, 28))
        button.setAccessibleName(text)
        button.setAccessibleDescription(hint)
        button.setMinimumHeight(64)
        button.setObjectName("WelcomeButton")
        return button

    def _build_layout(self) -> None:
        panel = QFrame()
        panel.setObjectName("WelcomePanel")
        panel.setFixedWidth(560)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(36, 30, 36, 30)
        inner.setSpacing(12)
        inner.addWidget(self.logo)
        inner.addWidget(self.title)
        inner.addWidget(self.tagline)
        inner.addSpacing(10)
        inner.addWidget(self.new_button)
        inner.addWidget(self.open_button)
        inner.addWidget(self.demo_button)
        inner.addSpacing(6)
        inner.addWidget(self.recent_title)
        inner.addWidget(self.recent_list)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.recent_list.itemActivated.connect(self._on_recent_list_itemActivated)

    def set_recent(self, recent: list[str]) -> None:
        """List the recent workspaces (the section hides when there are none)."""
        self.recent_list.clear()
        for path in recent:
            item = QListWidgetItem(icons.icon(icons.FILE), f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent_list.addItem(item)
        self.recent_title.setVisible(bool(recent))
        self.recent_list.setVisible(bool(recent))

    def _on_recent_list_itemActivated(self, item: QListWidgetItem) -> None:
        self.recent_activated.emit(item.data(Qt.ItemDataRole.UserRole))
