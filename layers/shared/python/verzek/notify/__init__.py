"""Notifications: the outbox (`outbox.enqueue`) and its dispatcher (`dispatcher.dispatch_due`).

Channels: telegram (python-telegram-bot), console (logs), push (`verzek.notify.push`, when present).
"""
