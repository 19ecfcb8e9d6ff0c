"""`python -m app` runs Unknot, like `unknot` and `uv run main.py`."""

from app.launch import main

raise SystemExit(main())
