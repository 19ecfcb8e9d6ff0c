"""Cue sounds: pygame.mixer opened only while a routine plays, silent when there is no device."""
