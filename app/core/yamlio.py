"""PyYAML, safely, with its fast C parser when it is installed."""

from __future__ import annotations

from typing import Any

import yaml
from yaml import MarkedYAMLError, YAMLError

__all__ = ["Loader", "MarkedYAMLError", "YAMLError", "safe_dump", "safe_load"]

# PyYAML built without libyaml lacks the C classes; the pure-Python ones behave the same.
Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def safe_load(data: bytes | str) -> Any:
    return yaml.load(data, Loader=Loader)  # Loader is always a safe loader


def safe_dump(document: object) -> str:
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
