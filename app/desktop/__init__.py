"""The operating system side: the single running instance, and later tray and notifications."""
