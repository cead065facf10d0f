"""Fault injection against the real server and the real client code: ``make chaos``.

The server runs as its own process (so it can be killed with SIGKILL); the
simulated desks are :class:`~agent_desk.client.session.DeskSession` objects
with durable outboxes and the customers are plain protocol clients that resend
with the same ``client_msg_id``. docs/chaos.md lists the faults and invariants.
"""
