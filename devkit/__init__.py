"""Talk to Slack without Slack: a development kit for tests and the offline ``casebot demo``.

- :mod:`.fake_slack` — a fake Slack Web API on 127.0.0.1 that records calls, answers like Slack
  and rejects payloads that break Block Kit limits (:mod:`.block_limits`).
- :mod:`.slack_requests` — signed requests shaped like Slack's (commands, events, clicks, modal
  submissions) sent to the app's HTTP endpoint.
- :mod:`.transcript` — what a person would see, as readable text.
"""
