"""The cramp relief screen."""
