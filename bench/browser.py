"""A built site over HTTP and headless Chromium driven through its DevTools pipe, for the search scripts.

SiteServer serves a folder (python's http.server in a thread) and logs every response's path and body
bytes: what a page load fetched, whatever the browser caches. Chromium runs with --remote-debugging-pipe
(the DevTools protocol on file descriptors 3 and 4, no port, no WebSocket library), so the scripts wait
in real time, not in --virtual-time-budget's virtual time, which would distort the milliseconds measured.
Standard library only.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path


class SiteServer:
    """Serves `folder` on 127.0.0.1 (a free port); `extra` maps paths to pages served from memory, `mounts`
    URL prefixes ("/pagefind/") to other folders."""

    def __init__(self, folder: Path, extra: dict[str, bytes] | None = None, mounts: dict[str, Path] | None = None):
        self.log: list[tuple[float, str, int]] = []
        lock = threading.Lock()
        log, pages, mounted = self.log, extra or {}, mounts or {}

        class Handler(http.server.SimpleHTTPRequestHandler):
            def copyfile(self, source, outputfile):
                sent = 0
                while chunk := source.read(1 << 16):
                    outputfile.write(chunk)
                    sent += len(chunk)
                with lock:
                    log.append((time.perf_counter(), self.path, sent))

            def do_GET(self):
                body = pages.get(self.path.split("?")[0])
                if body is None:
                    return super().do_GET()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                with lock:
                    log.append((time.perf_counter(), self.path, len(body)))

            def translate_path(self, path):
                for prefix, target in mounted.items():
                    if path.startswith(prefix):
                        rest = path[len(prefix):].split("?")[0].split("#")[0]
                        return str(Path(target) / rest)
                return super().translate_path(path)

            def log_message(self, *args):
                pass

        handler = functools.partial(Handler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def since(self, start: float) -> list[tuple[float, str, int]]:
        return [e for e in list(self.log) if e[0] >= start]


class Chromium:
    """One headless Chromium with a fresh profile (empty cache), one page, driven over the DevTools pipe."""

    def __init__(self, binary: str | None = None, width: int = 1280, height: int = 900):
        self.binary = binary or shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
        self.size = (width, height)
        self.next_id = 0
        self.buffer = b""

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="bench-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        args = [self.binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--remote-debugging-pipe",
                f"--user-data-dir={self.profile}", f"--window-size={self.size[0]},{self.size[1]}", "about:blank"]
        # The protocol expects its pipe on descriptors 3 (commands in) and 4 (replies out).
        self.proc = subprocess.Popen(["sh", "-c", f'exec "$0" "$@" 3<&{to_child_r} 4>&{from_child_w}', *args],
                                     pass_fds=(to_child_r, from_child_w),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return self

    def __exit__(self, *exc):
        try:
            self.call("Browser.close")
        except (OSError, RuntimeError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.to_child)
        os.close(self.from_child)
        shutil.rmtree(self.profile, ignore_errors=True)

    def call(self, method: str, params: dict | None = None, session: bool = False, timeout: float = 30) -> dict:
        """Sends one command and returns its result, skipping the events that arrive meanwhile."""
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" not in self.buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self.from_child], [], [], left)[0]:
                    raise RuntimeError(f"Chromium did not answer {method} in {timeout:.0f} s")
                chunk = os.read(self.from_child, 1 << 16)
                if not chunk:
                    raise RuntimeError("Chromium closed its DevTools pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def navigate(self, url: str):
        self.call("Page.navigate", {"url": url}, session=True)

    def evaluate(self, expression: str, timeout: float = 30):
        """The value of a JavaScript expression in the page (awaited when it is a promise)."""
        r = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True},
                      session=True, timeout=timeout)
        if "exceptionDetails" in r:
            raise RuntimeError(r["exceptionDetails"].get("exception", {}).get("description")
                               or r["exceptionDetails"].get("text"))
        return r.get("result", {}).get("value")
