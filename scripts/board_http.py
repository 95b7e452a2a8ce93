"""Talking to `tiaoqi serve` from Python scripts (the board's benchmark, fault and API tests): start it on a free
loopback port, sign in as a browser does, post forms. Python's standard library only."""
import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse


class Board:
    """A `tiaoqi serve --demo` on a store in `folder`, on a free port of 127.0.0.1."""

    def __init__(self, tiaoqi, folder, *extra):
        self.tiaoqi, self.folder, self.extra = tiaoqi, folder, list(extra)
        os.makedirs(folder, exist_ok=True)
        self.db = os.path.join(folder, "bureau.sqlite")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.process = None

    def start(self):
        log = open(os.path.join(self.folder, "serve.log"), "a")
        self.process = subprocess.Popen(
            [self.tiaoqi, "serve", "--demo", "--db", self.db, "--port", str(self.port), "--watch", "0",
             "--work", os.path.join(self.folder, "work"), "--cache", os.path.join(self.folder, "cache"),
             "--lang", "en"] + self.extra,
            stdout=log, stderr=subprocess.STDOUT)
        for _ in range(900):
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.1)
        self.process.kill()
        sys.exit("the board did not start: see " + log.name)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.port

    def request(self, method, path, cookie=None, form=None, timeout=300):
        """(status, headers with lower-case names, body) of one request; `form` is posted url-encoded."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {"Cookie": cookie} if cookie else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read().decode("utf-8", "replace")
        connection.close()
        headers = {}
        for name, value in response.getheaders():  # several Set-Cookie lines are kept, one a line
            headers[name.lower()] = headers[name.lower()] + "\n" + value if name.lower() in headers else value
        return response.status, headers, data

    def sign_in(self, account, password="tiaoqi-demo"):
        """The session cookie (`tiaoqi_session=…`) and the forms' CSRF token of `account`, signed in as a browser does:
        the login page's own token and cookie, then the form."""
        _, headers, page = self.request("GET", "/login")
        login_cookie = re.search(r"tiaoqi_login=([^;]+)", headers["set-cookie"]).group(1)
        token = re.search(r'name="token" value="([^"]+)"', page).group(1)
        _, headers, _ = self.request("POST", "/login", "tiaoqi_login=" + login_cookie,
                                     {"id": account, "password": password, "token": token})
        cookie = "tiaoqi_session=" + re.search(r"tiaoqi_session=([^;]+)", headers["set-cookie"]).group(1)
        status, _, page = self.request("GET", "/week", cookie)
        if status != 200:
            page = self.request("GET", "/board", cookie)[2]
        return cookie, re.search(r'name="csrf" value="([^"]+)"', page).group(1)

    def subscribe(self, session):
        """A new calendar subscription path (`/cal/….ics`) for the signed-in person."""
        page = self.request("POST", "/calendar/new", session[0], {"csrf": session[1]})[2]
        return re.search(r"(/cal/[A-Za-z0-9_-]+\.ics)", page).group(1)
