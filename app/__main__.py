"""`python -m app` runs Unknot, like `unknot` and `uv run main.py`."""

from app.cli import main

raise SystemExit(main())
