#!/usr/bin/env python3
"""`kill -9` of the board during publications loses no acknowledged one and leaves the store sound.

    kill_during_publishes.py TIAOQI FOLDER

Starts `tiaoqi serve --demo` on a new store in FOLDER, has three people replan and publish their team's week over
and over from six threads, kills the server with SIGKILL while they do, starts it again on the same store, and
checks: every publication the server acknowledged (303) is there, versions are numbered 1, 2, 3, … without a gap,
each version's plan says the version it replanned, `PRAGMA integrity_check` is ok, and the board answers again.
Prints what it found; exit 0 when all holds. Python's standard library only."""
import json
import os
import signal
import sqlite3
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from board_http import Board  # noqa: E402

tiaoqi, folder = sys.argv[1], sys.argv[2]
board = Board(tiaoqi, folder, "--plan-seconds", "0.05")
request = board.request
board.start()
sessions = {account: board.sign_in(account) for account in ("zhou", "chen", "sun")}
team_of = {"zhou": "gulou", "chen": "yunlong", "sun": "tongshan"}
acked = {team: 0 for team in team_of.values()}
lock = threading.Lock()
stop = threading.Event()


def publish_over_and_over(account):
    cookie, csrf = sessions[account]
    while not stop.is_set():
        try:
            status = request("POST", "/week/replan", cookie, {"csrf": csrf, "week": "2022-03-07"})[0]
            if status != 303:
                continue
            status = request("POST", "/week/publish", cookie, {"csrf": csrf, "week": "2022-03-07"})[0]
            if status == 303:
                with lock:
                    acked[team_of[account]] += 1
        except OSError:
            return  # the server is gone


workers = [threading.Thread(target=publish_over_and_over, args=(a,)) for a in ("zhou", "chen", "sun") * 2]
for worker in workers:
    worker.start()
deadline = time.time() + 30
while time.time() < deadline and sum(acked.values()) < 6:
    time.sleep(0.05)
time.sleep(0.3)
os.kill(board.process.pid, signal.SIGKILL)
board.process.wait()
stop.set()
for worker in workers:
    worker.join()
print("killed the server with SIGKILL after %d acknowledged publications: %s" % (
    sum(acked.values()), ", ".join("%s %d" % kv for kv in sorted(acked.items()))))

problems = []
if sum(acked.values()) < 3:
    problems.append("too few publications before the kill to test anything")
store = sqlite3.connect(board.db)
integrity = store.execute("PRAGMA integrity_check").fetchone()[0]
if integrity != "ok":
    problems.append("integrity_check: " + integrity)
for team, count in sorted(acked.items()):
    rows = store.execute(
        "SELECT version, plan_json FROM published_weeks WHERE team_id = ? AND week_start = '2022-03-07' "
        "ORDER BY version", (team,)).fetchall()
    versions = [row[0] for row in rows]
    if versions != list(range(1, len(versions) + 1)):
        problems.append("%s: versions %s have a gap" % (team, versions))
    # Version 1 is the demo's own; each acknowledged publication added one (one more may have committed unanswered).
    if len(versions) - 1 < count:
        problems.append("%s: %d acknowledged, only %d kept" % (team, count, len(versions) - 1))
    for version, plan_json in rows[1:]:
        replanned = json.loads(plan_json).get("published_version")
        if replanned != version - 1:
            problems.append("%s v%d replans version %s, not %d" % (team, version, replanned, version - 1))
    print("  %s: %d acknowledged, versions kept 1…%d" % (team, count, len(versions)))
store.close()
board.start()
status = request("GET", "/api/weeks", board.sign_in("zhou")[0])[0]
if status != 200:
    problems.append("the board answers %d after the restart" % status)
board.stop()
print("  integrity_check: %s; the board answers again: %s" % (integrity, status == 200))
for problem in problems:
    print("PROBLEM: " + problem)
sys.exit(1 if problems else 0)
