"""The Qt interface: windows, views and widgets; it drives app.core and never the reverse."""
