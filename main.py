"""Start Unknot: `uv run main.py [options]`."""

from app.cli import main

raise SystemExit(main())
