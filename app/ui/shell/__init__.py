"""The window's frame: start-up, the main window and its menus, the theme, notices, and the
widgets every feature shares."""
