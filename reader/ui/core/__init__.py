"""What every part of the window shares: the open library, background tasks, settings, actions, list rows."""
