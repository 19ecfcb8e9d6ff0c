"""reminders.yaml texts the interface tests start from."""

EVERY_NIGHT_AT_2230 = """schema_version: 1
reminders:
  - id: bedtime
    time: "22:30"
    days: [mon, tue, wed, thu, fri, sat, sun]
    routine: evening-stretch
    enabled: true
"""
