"""Listen on an X server's root window for startup notification messages, as a launcher does."""

from __future__ import annotations

import ctypes
import select
import struct
import time

from app.desktop import startup_notification as sn

EVENT_MASK = 2048  # XCB_CW_EVENT_MASK


class StartupListener:
    """Selects PropertyChange on the root window of `display` and gathers the messages."""

    def __init__(self, display: str) -> None:
        self.xcb = sn.load_xcb()
        self.xcb.xcb_change_window_attributes.argtypes = (
            ctypes.c_void_p,
            ctypes.c_uint32,
            ctypes.c_uint32,
            ctypes.POINTER(ctypes.c_uint32),
        )
        self.xcb.xcb_get_file_descriptor.argtypes = (ctypes.c_void_p,)
        self.xcb.xcb_poll_for_event.restype = ctypes.c_void_p
        self.xcb.xcb_poll_for_event.argtypes = (ctypes.c_void_p,)
        self.xcb.xcb_change_window_attributes_checked.restype = sn._Cookie
        self.xcb.xcb_change_window_attributes_checked.argtypes = (
            self.xcb.xcb_change_window_attributes.argtypes
        )
        screen = ctypes.c_int(0)
        self.connection = self.xcb.xcb_connect(display.encode(), ctypes.byref(screen))
        assert self.connection and not self.xcb.xcb_connection_has_error(self.connection)
        root = sn.root_window(self.xcb, self.connection, screen.value)
        self.begin = sn.intern_atom(self.xcb, self.connection, sn.BEGIN_ATOM)
        self.more = sn.intern_atom(self.xcb, self.connection, sn.MORE_ATOM)
        mask = (ctypes.c_uint32 * 1)(sn.PROPERTY_CHANGE_MASK)
        cookie = self.xcb.xcb_change_window_attributes_checked(
            self.connection, root, EVENT_MASK, mask
        )
        # Waits for the server to confirm: from here on, nothing sent to the root is missed.
        assert not self.xcb.xcb_request_check(self.connection, cookie)
        self._partial = b""

    def messages(self, timeout: float) -> list[str]:
        """The complete messages seen until one arrives or `timeout` seconds pass."""
        libc = ctypes.CDLL(None)
        found: list[str] = []
        deadline = time.monotonic() + timeout
        fd = self.xcb.xcb_get_file_descriptor(self.connection)
        while not found and time.monotonic() < deadline:
            select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            while event := self.xcb.xcb_poll_for_event(self.connection):
                raw = ctypes.string_at(event, 32)
                libc.free(ctypes.c_void_p(event))
                kind, _, _, _, atom, data = struct.unpack("=BBHII20s", raw)
                if kind & 0x7F != sn.CLIENT_MESSAGE or atom not in (self.begin, self.more):
                    continue
                if atom == self.begin:
                    self._partial = b""
                self._partial += data
                if b"\0" in self._partial:
                    found.append(self._partial.split(b"\0", 1)[0].decode())
                    self._partial = b""
        return found

    def close(self) -> None:
        self.xcb.xcb_disconnect(self.connection)
