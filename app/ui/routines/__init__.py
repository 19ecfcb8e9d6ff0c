"""The routine list, the start screen, the player and the finished page."""
