"""Agent Assist: a docked side panel for phone agents."""

__version__ = "0.1.0"
