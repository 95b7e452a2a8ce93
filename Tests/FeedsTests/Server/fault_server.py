#!/usr/bin/env python3
"""Loopback HTTP server with faults, for Tiaoqi's feed tests and benchmark.

    python3 fault_server.py [--port 0] [--feeds N]

Prints "PORT <n>" once listening on 127.0.0.1. Every path /feed/<name>.ics serves a small valid calendar with an
ETag (and answers 304 to a matching If-None-Match) until a mode is set for it:

    GET /control/mode?path=/feed/x.ics&mode=<mode>

Modes: ok, gzip, chain (3 redirects to ok), loop (redirects to itself), to-file (redirect to file:///etc/passwd),
404, 500, 500-then-ok, 429-then-ok (Retry-After: 1), drip (one byte a second), reset (half the body, then a
reset), huge (30 MB, no Content-Length), bomb (gzip of 200 MB of zeros), gbk (GBK body, charset=gbk),
html (an HTML page with status 200), slow (answers after 0.05-0.3 s), held (sends the headers and half the body, then
waits for GET /control/release), busy-YYYYMMDD (the calendar changed: that whole day is busy too, with a new ETag). /slow/<n>.ics are always slow and /held/<n>.ics always held, for kill tests.
/bench/<n>.ics serves ~50 KB calendars with ETags, for the benchmark.

CalDAV: a REPORT to /caldav/<name>/ answers a calendar-query. Modes (set as above, path=/caldav/<name>/): ok (207, one
event, prefixed namespaces), ok-default-ns (207, default namespaces and CDATA), empty (207, no responses), proxy-<port>
(forwards the REPORT, Authorization included, to 127.0.0.1:<port>, path without /caldav: a real server such as Radicale),
propstat-403 and propstat-404 (207, the calendar-data propstat failed), html-multistatus (200, an HTML page that says
"multistatus"), truncated (207, the first half of a multistatus), response-507 (207, results truncated by the
server), no-data (207, a response without calendar-data), empty-data (207, an empty calendar-data with 200), doctype (207 with a DTD declaring an entity).
"""
import argparse
import gzip
import hashlib
import http.client
import random
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODES = {}
HITS = {}
LOCK = threading.Lock()
RELEASE = threading.Event()


def calendar(name, version="v1", summary="正常的会议"):
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tiaoqi tests//fault server//EN\r\n"
        f"BEGIN:VEVENT\r\nUID:{name}-{version}@test\r\nDTSTAMP:20220301T000000Z\r\n"
        "DTSTART:20220307T010000Z\r\nDTEND:20220307T020000Z\r\n"
        f"SUMMARY:{summary} {name} {version}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def bench_calendar(number):
    events = []
    for i in range(250):
        events.append(
            f"BEGIN:VEVENT\r\nUID:bench-{number}-{i}@test\r\nDTSTAMP:20220301T000000Z\r\n"
            f"DTSTART:202203{7 + i % 5:02d}T{(i % 9) + 1:02d}0000Z\r\nDURATION:PT1H\r\n"
            f"SUMMARY:基准测试会议 number {number} event {i} with a reasonably long summary line\r\nEND:VEVENT\r\n"
        )
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tiaoqi bench//EN\r\n" + "".join(events) + "END:VCALENDAR\r\n"


BENCH = {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle and delayed ACKs stall every response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def send_body(self, status, body, content_type="text/calendar; charset=utf-8", headers=None, length=True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path == "/control/mode":
            query = urllib.parse.parse_qs(url.query)
            with LOCK:
                MODES[query["path"][0]] = query["mode"][0]
                HITS[query["path"][0]] = 0
            return self.send_body(200, b"ok", "text/plain")
        if url.path == "/control/release":
            RELEASE.set()
            return self.send_body(200, b"ok", "text/plain")
        if url.path.startswith("/bench/"):
            number = int(url.path.split("/")[-1].split(".")[0])
            body, etag = BENCH[number]
            if self.headers.get("If-None-Match") == etag:
                return self.send_body(304, b"", headers={"ETag": etag})
            return self.send_body(200, body, headers={"ETag": etag})
        if url.path.split("/")[1] not in ("feed", "slow", "held"):
            return self.send_body(404, b"not found", "text/plain")
        with LOCK:
            default = {"slow": "slow", "held": "held"}.get(url.path.split("/")[1], "ok")
            mode = MODES.get(url.path, default)
            HITS[url.path] = HITS.get(url.path, 0) + 1
            hits = HITS[url.path]
        name = url.path.split("/")[-1]
        good = calendar(name).encode()
        if mode.startswith("busy-"):
            # The calendar changed: besides its usual event, the whole day YYYYMMDD is busy (a new ETag).
            day = mode[len("busy-"):]
            good = calendar(name, version="v2-" + day).replace(
                "END:VCALENDAR", f"BEGIN:VEVENT\r\nUID:{name}-busy-{day}@test\r\nDTSTAMP:20220301T000000Z\r\n"
                f"DTSTART;VALUE=DATE:{day}\r\nSUMMARY:全天外出 {day}\r\nEND:VEVENT\r\nEND:VCALENDAR").encode()
            mode = "ok"
        etag = '"' + hashlib.sha1(good).hexdigest()[:16] + '"'
        if mode == "ok":
            if self.headers.get("If-None-Match") == etag:
                return self.send_body(304, b"", headers={"ETag": etag})
            return self.send_body(200, good, headers={"ETag": etag, "Last-Modified": "Mon, 07 Mar 2022 01:00:00 GMT"})
        if mode == "gzip":
            newer = calendar(name, "v2").encode()
            return self.send_body(200, gzip.compress(newer), headers={"Content-Encoding": "gzip", "ETag": '"gz"'})
        if mode == "chain":
            step = int(urllib.parse.parse_qs(url.query).get("step", ["0"])[0])
            if step < 3:
                return self.send_body(302, b"", headers={"Location": f"{url.path}?step={step + 1}"})
            return self.send_body(200, calendar(name, "v3").encode())
        if mode == "loop":
            return self.send_body(302, b"", headers={"Location": url.path})
        if mode == "to-file":
            return self.send_body(302, b"", headers={"Location": "file:///etc/passwd"})
        if mode == "404":
            return self.send_body(404, b"gone", "text/plain")
        if mode == "500":
            return self.send_body(500, b"broken", "text/plain")
        if mode == "500-then-ok":
            if hits == 1:
                return self.send_body(500, b"broken", "text/plain")
            return self.send_body(200, calendar(name, "v4").encode())
        if mode == "429-then-ok":
            if hits == 1:
                return self.send_body(429, b"slow down", "text/plain", headers={"Retry-After": "1"})
            return self.send_body(200, calendar(name, "v5").encode())
        if mode == "drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Content-Length", str(len(good)))
            self.end_headers()
            try:
                for byte in good:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(1)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if mode == "reset":
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Content-Length", str(len(good) * 10))
            self.end_headers()
            self.wfile.write(good[: len(good) // 2])
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            for stream in (self.wfile, self.rfile):
                try:
                    stream.close()
                except OSError:
                    pass
            self.connection.close()
            return
        if mode == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"X" * 65536
            try:
                for _ in range(480):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        if mode == "bomb":
            return self.send_body(200, bomb(), headers={"Content-Encoding": "gzip"})
        if mode == "gbk":
            body = calendar(name, "v6", "徐州招商会议").encode("gbk")
            return self.send_body(200, body, "text/calendar; charset=gbk")
        if mode == "html":
            return self.send_body(200, b"<!DOCTYPE html><html><body>Service temporarily unavailable</body></html>", "text/html")
        if mode == "held":
            body = calendar(name, "held").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            RELEASE.wait(60)
            self.wfile.write(body[len(body) // 2 :])
            return
        if mode == "slow":
            time.sleep(random.uniform(0.05, 0.3))
            return self.send_body(200, calendar(name, "slow").encode(), headers={"ETag": '"slow"'})
        return self.send_body(500, b"unknown mode", "text/plain")


    def do_REPORT(self):
        url = urllib.parse.urlparse(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        request = self.rfile.read(length)
        if not url.path.startswith("/caldav/"):
            return self.send_body(404, b"not found", "text/plain")
        with LOCK:
            mode = MODES.get(url.path, "ok")
        xml = "application/xml; charset=utf-8"
        if mode.startswith("proxy-"):
            connection = http.client.HTTPConnection("127.0.0.1", int(mode[6:]), timeout=10)
            headers = {name: self.headers[name] for name in ("Depth", "Content-Type", "Authorization") if self.headers.get(name)}
            connection.request("REPORT", self.path[len("/caldav"):], body=request, headers=headers)
            answer = connection.getresponse()
            body = answer.read()
            connection.close()
            return self.send_body(answer.status, body, answer.getheader("Content-Type") or xml)
        if mode in CALDAV:
            status, body, content_type = CALDAV[mode]
            return self.send_body(status, body.encode(), content_type or xml)
        return self.send_body(500, b"unknown mode", "text/plain")


CALDAV_EVENT = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tiaoqi tests//caldav//EN\r\nBEGIN:VEVENT\r\nUID:dav-busy@test\r\n"
    "DTSTAMP:20220301T000000Z\r\nDTSTART:20220308T010000Z\r\nDTEND:20220308T090000Z\r\nSUMMARY:全天董事会 (CalDAV)\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)
GOOD = (
    '<?xml version="1.0" encoding="utf-8"?>\n<d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav">'
    "<d:response><d:href>/caldav/x/busy.ics</d:href><d:propstat><d:prop><d:getetag>\"1\"</d:getetag>"
    "<cal:calendar-data>" + CALDAV_EVENT.replace("\r", "&#13;") + "</cal:calendar-data></d:prop>"
    "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>\n"
)


def failed_propstat(code, phrase):
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
        "<D:response><D:href>/caldav/x/busy.ics</D:href>"
        '<D:propstat><D:prop><D:getetag>"1"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>'
        f"<D:propstat><D:prop><C:calendar-data/></D:prop><D:status>HTTP/1.1 {code} {phrase}</D:status></D:propstat>"
        "</D:response></D:multistatus>\n"
    )


CALDAV = {
    "ok": (207, GOOD, None),
    "ok-default-ns": (
        207,
        '<multistatus xmlns="DAV:"><response><href>/caldav/x/busy.ics</href><propstat><prop>'
        '<calendar-data xmlns="urn:ietf:params:xml:ns:caldav"><![CDATA[' + CALDAV_EVENT + "]]></calendar-data></prop>"
        "<status>HTTP/1.1 200 OK</status></propstat></response></multistatus>",
        None,
    ),
    "empty": (207, '<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"/>', None),
    "propstat-403": (207, failed_propstat(403, "Forbidden"), None),
    "propstat-404": (207, failed_propstat(404, "Not Found"), None),
    "html-multistatus": (
        200,
        "<!DOCTYPE html><html><body><h1>Login</h1><p>Your session expired; multistatus reports need a login.</p></body></html>",
        "text/html; charset=utf-8",
    ),
    "truncated": (207, GOOD[: len(GOOD) // 2], None),
    "response-507": (
        207,
        '<D:multistatus xmlns:D="DAV:"><D:response><D:href>/caldav/x/</D:href>'
        "<D:status>HTTP/1.1 507 Insufficient Storage</D:status></D:response></D:multistatus>",
        None,
    ),
    "no-data": (
        207,
        '<D:multistatus xmlns:D="DAV:"><D:response><D:href>/caldav/x/busy.ics</D:href><D:propstat><D:prop>'
        '<D:getetag>"1"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>',
        None,
    ),
    "empty-data": (
        207,
        '<D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:response><D:href>/caldav/x/busy.ics</D:href>'
        "<D:propstat><D:prop><C:calendar-data/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"
        "</D:multistatus>",
        None,
    ),
    "doctype": (
        207,
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY e "x">]><D:multistatus xmlns:D="DAV:"><D:response>'
        "<D:href>&e;</D:href></D:response></D:multistatus>",
        None,
    ),
}


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512
    allow_reuse_address = True


BOMB = []


def bomb():
    with LOCK:
        if not BOMB:
            BOMB.append(gzip.compress(b"\0" * (200 << 20), compresslevel=9))
        return BOMB[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--bench", type=int, default=0, help="number of /bench/<n>.ics feeds to prepare")
    args = parser.parse_args()
    for number in range(args.bench):
        body = bench_calendar(number).encode()
        BENCH[number] = (body, '"' + hashlib.sha1(body).hexdigest()[:16] + '"')
    server = Server(("127.0.0.1", args.port), Handler)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
