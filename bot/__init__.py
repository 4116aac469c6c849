"""Casebot: the product layer (domain types, use-cases, schedule maths, CLI, composition root).

Nothing in this package imports ``slack_bolt`` or ``slack_sdk``; Slack lives in ``handlers``.
"""
