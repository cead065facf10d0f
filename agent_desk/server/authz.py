"""Who is asking: the checks every handler module shares."""

from __future__ import annotations

from collections.abc import Iterable

from agent_desk.protocol.codec import ProtocolError
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.messages import Role
from agent_desk.server.accounts import User
from agent_desk.server.peers import Peer


def staff(peer: Peer) -> User:
    """The staff member behind a connection; customers are forbidden, anonymous peers unauthenticated."""
    if peer.user is not None:
        return peer.user
    if peer.customer is not None:
        raise ProtocolError(ErrorCode.FORBIDDEN, "this is for staff")
    raise ProtocolError(ErrorCode.UNAUTHENTICATED, "log in first")


def require_role(peer: Peer, roles: Iterable[Role], doing: str = "do this") -> User:
    user = staff(peer)
    if user.role not in roles:
        raise ProtocolError(ErrorCode.FORBIDDEN, f"a {user.role} may not {doing}")
    return user
