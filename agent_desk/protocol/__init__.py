"""AgentDesk wire protocol: typed messages, codec, error codes and limits.

Sans-IO: this package encodes, decodes and validates frames. It never touches
sockets, event loops or Qt, so the server, the desk and the simulator share it.
"""

from agent_desk.protocol.codec import ProtocolError, decode_client, decode_server, encode
from agent_desk.protocol.errors import ErrorCode
from agent_desk.protocol.limits import PROTOCOL_VERSION, SUPPORTED_VERSIONS, Limits

__all__ = [
    "PROTOCOL_VERSION",
    "SUPPORTED_VERSIONS",
    "ErrorCode",
    "Limits",
    "ProtocolError",
    "decode_client",
    "decode_server",
    "encode",
]
