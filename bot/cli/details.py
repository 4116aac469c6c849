"""The identifiable details the secretariat is asked for, one hidden prompt each (client add and
edit, a referral's details)."""

from __future__ import annotations

PROMPTS = (
    ("full_name", "Full name"),
    ("aliases", "Aliases / nicknames, comma-separated"),
    ("date_of_birth", "Date of birth (YYYY-MM-DD or day/month/year)"),
    ("address", "Address"),
    ("phone", "Phone"),
    ("email", "Email"),
    ("medicare", "Medicare number"),
    ("crn", "Centrelink CRN"),
    ("notes", "Notes"),
)
