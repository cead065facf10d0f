"""AgentDesk: a desk for online customer-service chat agents, and its reference server."""

__version__ = "0.1.0"
