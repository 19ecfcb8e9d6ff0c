"""Start Unknot: `uv run main.py [options]`."""

from app.launch import main

raise SystemExit(main())
