"""The Slack adapter: Bolt listeners, Block Kit rendering and the Slack notifier.

Only this package imports ``slack_bolt``/``slack_sdk``. It calls ``bot`` services and never
touches the database directly.
"""
