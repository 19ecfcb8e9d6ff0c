"""The diary screen, its forms, charts and exports, and the diary's write path in the interface."""
