"""The Qt side of Agent Assist. Only this package imports PySide6."""
