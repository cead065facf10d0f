"""The reference server: asyncio, websockets and SQLite."""
