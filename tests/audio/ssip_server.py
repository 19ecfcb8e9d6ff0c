"""A stand-in speech-dispatcher: answers SSIP on a Unix socket and records what it was told."""

from __future__ import annotations

import socket
import threading
from pathlib import Path


class StandInSpeechServer:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.commands: list[str] = []
        self.spoken: list[str] = []
        self.spoke = threading.Condition()
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(str(path))
        self._server.listen(4)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._client, args=(client,), daemon=True).start()

    def _client(self, client: socket.socket) -> None:
        try:
            self._talk(client)
        except OSError:  # the client went away mid-reply: nothing more to record
            client.close()

    def _talk(self, client: socket.socket) -> None:
        buffer = b""
        receiving: list[str] | None = None
        with client:
            while True:
                try:
                    chunk = client.recv(4096)
                except OSError:
                    return
                if not chunk:
                    return
                buffer += chunk
                while b"\r\n" in buffer:
                    raw, buffer = buffer.split(b"\r\n", 1)
                    line = raw.decode("utf-8")
                    if receiving is not None:
                        if line == ".":
                            with self.spoke:
                                self.spoken.append("\n".join(receiving))
                                self.spoke.notify_all()
                            receiving = None
                            client.sendall(b"225-1\r\n225 OK MESSAGE QUEUED\r\n")
                        else:
                            receiving.append(line[1:] if line.startswith("..") else line)
                        continue
                    self.commands.append(line)
                    if line == "SPEAK":
                        receiving = []
                        client.sendall(b"230 OK RECEIVING DATA\r\n")
                    elif line == "QUIT":
                        client.sendall(b"231 HAPPY HACKING\r\n")
                        return
                    else:
                        client.sendall(b"208 OK\r\n")

    def wait_spoken(self, count: int, timeout: float = 5.0) -> list[str]:
        with self.spoke:
            self.spoke.wait_for(lambda: len(self.spoken) >= count, timeout)
            return list(self.spoken)

    def close(self) -> None:
        self._server.close()
