"""Bedtime reminders: the list and editor, the scheduler, the tray and notifications."""
