"""Simulated shoppers and agents: for demos, load tests and end-to-end tests."""
