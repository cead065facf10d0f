"""The desk's Qt-free async client: connection, resume, durable outbox, credentials."""
