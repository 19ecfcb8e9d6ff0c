"""X11 startup notification: tell the launcher a forwarded launch is done, so it stops spinning.

A launcher that starts `unknot` sets DESKTOP_STARTUP_ID and shows a busy cursor or a
spinning entry until someone sends "remove: ID=..." (freedesktop Startup Notification
spec). Qt sends it for the process's own first window; a launch handed to the running
instance shows no new window, so the instance sends it, with the id the launch passed on.

Spoken to the X server through libxcb with ctypes: Qt's xcb plugin has loaded it already,
and Qt offers no public way to send this for a window that is already shown.
"""

from __future__ import annotations

import ctypes
import logging
import struct

log = logging.getLogger(__name__)

BEGIN_ATOM = b"_NET_STARTUP_INFO_BEGIN"
MORE_ATOM = b"_NET_STARTUP_INFO"
CLIENT_MESSAGE = 33  # XCB_CLIENT_MESSAGE
PROPERTY_CHANGE_MASK = 1 << 22  # who listens for startup messages selects this on the root
CHUNK = 20  # bytes of message in one client message (format 8)


def _quoted(value: str) -> str:
    """A value as the spec's key=value syntax wants it: quoted if it holds a space,
    a quote or a backslash, those escaped with a backslash."""
    if not any(c in value for c in ' "\\'):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def remove_message(startup: str) -> bytes:
    """The whole "remove" message with its terminating nul."""
    return f"remove: ID={_quoted(startup)}".encode() + b"\0"


def client_messages(message: bytes, window: int, begin: int, more: int) -> list[bytes]:
    """The 32-byte ClientMessage events carrying `message`: the first typed `begin`, the
    rest `more`, each with up to 20 bytes (the last padded with nuls)."""
    events = []
    for start in range(0, len(message), CHUNK):
        chunk = message[start : start + CHUNK].ljust(CHUNK, b"\0")
        kind = begin if start == 0 else more
        events.append(struct.pack("=BBHII20s", CLIENT_MESSAGE, 8, 0, window, kind, chunk))
    return events


class _ScreenIterator(ctypes.Structure):
    _fields_ = (("data", ctypes.c_void_p), ("rem", ctypes.c_int), ("index", ctypes.c_int))


class _Cookie(ctypes.Structure):
    _fields_ = (("sequence", ctypes.c_uint),)


class _AtomReply(ctypes.Structure):
    _fields_ = (
        ("response_type", ctypes.c_uint8),
        ("pad0", ctypes.c_uint8),
        ("sequence", ctypes.c_uint16),
        ("length", ctypes.c_uint32),
        ("atom", ctypes.c_uint32),
    )


def load_xcb() -> ctypes.CDLL:
    """libxcb with the signatures used here (OSError when it is not installed)."""
    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = (ctypes.c_char_p, ctypes.POINTER(ctypes.c_int))
    xcb.xcb_connection_has_error.argtypes = (ctypes.c_void_p,)
    xcb.xcb_get_setup.restype = ctypes.c_void_p
    xcb.xcb_get_setup.argtypes = (ctypes.c_void_p,)
    xcb.xcb_setup_roots_iterator.restype = _ScreenIterator
    xcb.xcb_setup_roots_iterator.argtypes = (ctypes.c_void_p,)
    xcb.xcb_screen_next.argtypes = (ctypes.POINTER(_ScreenIterator),)
    xcb.xcb_intern_atom.restype = _Cookie
    xcb.xcb_intern_atom.argtypes = (
        ctypes.c_void_p,
        ctypes.c_uint8,
        ctypes.c_uint16,
        ctypes.c_char_p,
    )
    xcb.xcb_intern_atom_reply.restype = ctypes.POINTER(_AtomReply)
    xcb.xcb_intern_atom_reply.argtypes = (ctypes.c_void_p, _Cookie, ctypes.c_void_p)
    xcb.xcb_request_check.restype = ctypes.c_void_p
    xcb.xcb_request_check.argtypes = (ctypes.c_void_p, _Cookie)
    xcb.xcb_send_event_checked.restype = _Cookie
    xcb.xcb_send_event_checked.argtypes = (
        ctypes.c_void_p,
        ctypes.c_uint8,
        ctypes.c_uint32,
        ctypes.c_uint32,
        ctypes.c_char_p,
    )
    xcb.xcb_disconnect.argtypes = (ctypes.c_void_p,)
    return xcb


def root_window(xcb: ctypes.CDLL, connection: int, screen: int) -> int:
    iterator = xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(connection))
    for _ in range(screen):
        xcb.xcb_screen_next(ctypes.byref(iterator))
    # xcb_screen_t begins with its root window's id.
    return ctypes.c_uint32.from_address(iterator.data).value


def intern_atom(xcb: ctypes.CDLL, connection: int, name: bytes) -> int:
    libc = ctypes.CDLL(None)
    reply = xcb.xcb_intern_atom_reply(
        connection, xcb.xcb_intern_atom(connection, 0, len(name), name), None
    )
    if not reply:
        raise OSError(f"the X server did not name {name.decode()}")
    try:
        return int(reply.contents.atom)
    finally:
        libc.free(reply)


def finish(startup: str, display: str | None = None) -> bool:
    """Send "remove" for `startup` to the X server of `display` (default: $DISPLAY).

    True once sent; False, logged, when there is no id or no X server to send it to: the
    launcher then stops on its own timeout, as it would without this."""
    if not startup:
        return False
    try:
        xcb = load_xcb()
    except OSError as error:
        log.info("startup notification not finished: %s", error)
        return False
    screen = ctypes.c_int(0)
    connection = xcb.xcb_connect(display.encode() if display else None, ctypes.byref(screen))
    try:
        if not connection or xcb.xcb_connection_has_error(connection):
            log.info("startup notification not finished: no X server at %s", display or "$DISPLAY")
            return False
        # As Qt does for its own windows: the root window is both the sender and the target.
        root = root_window(xcb, connection, screen.value)
        begin = intern_atom(xcb, connection, BEGIN_ATOM)
        more = intern_atom(xcb, connection, MORE_ATOM)
        cookie = None
        for event in client_messages(remove_message(startup), root, begin, more):
            cookie = xcb.xcb_send_event_checked(connection, 0, root, PROPERTY_CHANGE_MASK, event)
        # Wait for the server to have taken the last one: a message flushed and followed
        # at once by the end of the connection was seen to be lost under Xvfb.
        refusal = xcb.xcb_request_check(connection, cookie)
        if refusal:
            ctypes.CDLL(None).free(ctypes.c_void_p(refusal))
            log.info("startup notification not finished: the X server refused it")
            return False
        return True
    except OSError as error:
        log.info("startup notification not finished: %s", error)
        return False
    finally:
        if connection:
            xcb.xcb_disconnect(connection)  # also frees a connection that failed
