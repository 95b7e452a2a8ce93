#!/usr/bin/env python3
"""Loopback HTTP proxy in front of a CalDAV server (Radicale), with faults, for Tiaoqi's CalDAV write-back tests.

    python3 caldav_proxy.py --upstream PORT

Prints "PORT <n>" once listening on 127.0.0.1 and forwards every request (any method, headers and body, the
Authorization header included) to 127.0.0.1:<upstream>, until a mode is set:

    GET /control/mode?mode=<mode>

Modes: pass (forward), slow-<seconds> (forward each request after that many seconds, for kill tests), 500 (answer
every request 500), 500-writes (forward PROPFIND, REPORT and GET; answer PUT and DELETE 500).
GET /control/count answers the number of requests forwarded or answered so far (control requests aside), by method,
as "METHOD N" lines.
"""
import argparse
import http.client
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STATE = {"mode": "pass"}
COUNTS = {}
LOCK = threading.Lock()
UPSTREAM = {"port": 0}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def control(self):
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path == "/control/mode":
            with LOCK:
                STATE["mode"] = query["mode"][0]
            return self.answer(200, b"ok\n")
        if url.path == "/control/count":
            with LOCK:
                text = "".join(f"{method} {count}\n" for method, count in sorted(COUNTS.items()))
            return self.answer(200, text.encode())
        return self.answer(404)

    def handle_any(self):
        if self.path.startswith("/control/"):
            return self.control()
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with LOCK:
            mode = STATE["mode"]
            COUNTS[self.command] = COUNTS.get(self.command, 0) + 1
        if mode == "500" or (mode == "500-writes" and self.command in ("PUT", "DELETE")):
            return self.answer(500, b"broken\n", {"Content-Type": "text/plain"})
        if mode.startswith("slow-"):
            time.sleep(float(mode[5:]))
        connection = http.client.HTTPConnection("127.0.0.1", UPSTREAM["port"], timeout=30)
        headers = {name: value for name, value in self.headers.items() if name.lower() not in ("host", "connection")}
        connection.request(self.command, self.path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        kept = {
            name: value
            for name, value in response.getheaders()
            if name.lower() not in ("content-length", "connection", "transfer-encoding")
        }
        connection.close()
        self.answer(response.status, data, kept)

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_MKCALENDAR = do_HEAD = do_POST = handle_any


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--upstream", type=int, required=True)
    arguments = parser.parse_args()
    UPSTREAM["port"] = arguments.upstream
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
