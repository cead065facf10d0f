"""The handler for the lead's dashboard (``floor_status``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec

from agent_desk.protocol.messages import FloorReport, FloorStatus
from agent_desk.server.authz import require_role
from agent_desk.server.dashboard import SUPERVISORS, Dashboard
from agent_desk.server.peers import Peer

Handler = Callable[[Peer, Any], Awaitable[msgspec.Struct | None]]


class DashboardHandlers:
    def __init__(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        self.table: dict[type[msgspec.Struct], Handler] = {FloorStatus: self.floor_status}

    async def floor_status(self, peer: Peer, msg: FloorStatus) -> FloorReport:
        require_role(peer, SUPERVISORS, "see the floor dashboard")
        return self.dashboard.report(msg.id)
