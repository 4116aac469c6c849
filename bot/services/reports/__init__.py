"""Reports (issue 17): a group's figures for a period (``figures``), written as text, HTML,
CSV or XLSX, and the headline figures Slack shows (``slack``)."""
