"""Persistence: SQLAlchemy models, repositories, unit of work and the encrypted client vault.

Imports nothing from ``bot`` except ``bot.domain`` (and its leaf ``bot.errors``).
"""
