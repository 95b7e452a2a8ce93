#!/usr/bin/env python3
"""The board under load, on loopback: wrk with 200 connections reads the coordinators' board and three people's
calendar subscriptions for 60 s while 20 replans-and-publishes run at once; then checks that every acknowledged
publication is in the store, numbered without gaps, and prints the figures against their targets
(p99 <= 100 ms, 0 errors, none lost).

    board_load.py TIAOQI RUN_FOLDER [--seconds 60] [--connections 200] [--publishes 20]

Python's standard library only (urllib, sqlite3, threading); wrk from Debian's packages."""
import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from board_http import Board  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("tiaoqi")
ap.add_argument("run")
ap.add_argument("--seconds", type=int, default=60)
ap.add_argument("--connections", type=int, default=200)
ap.add_argument("--publishes", type=int, default=20)
args = ap.parse_args()

os.makedirs(args.run, exist_ok=True)
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(os.path.join(args.run, "bureau.sqlite") + suffix):
        os.remove(os.path.join(args.run, "bureau.sqlite") + suffix)
board = Board(args.tiaoqi, args.run, "--plan-seconds", "0.3")
request = board.request
db = board.db
port = board.port
try:
    board.start()
    sessions = {account: board.sign_in(account) for account in ("coordinator", "zhou", "chen", "sun")}
    feeds = [board.subscribe(sessions[account]) for account in ("zhou", "chen", "sun")]
    status, _, page = request("GET", "/board", sessions["coordinator"][0])
    assert status == 200 and "clash-rows" in page, "the board page did not answer"

    script = os.path.join(args.run, "board.lua")
    paths = ["/board"] + feeds
    with open(script, "w") as out:
        out.write('local paths = {%s}\n' % ", ".join('"%s"' % p for p in paths))
        out.write('local cookie = "%s"\n' % sessions["coordinator"][0])
        out.write("""local n = 0
request = function()
  n = n + 1
  local path = paths[(n %% #paths) + 1]
  if path == "/board" then
    return wrk.format("GET", path, {["Cookie"] = cookie})
  end
  return wrk.format("GET", path)
end
""".replace("%%", "%"))
    wrk = subprocess.Popen(
        ["wrk", "-t2", "-c%d" % args.connections, "-d%ds" % args.seconds, "--latency", "--timeout", "10s",
         "-s", script, "http://127.0.0.1:%d" % port],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    # 20 replans and publishes at once, a few seconds into the load, spread over the three teams.
    time.sleep(min(5, args.seconds / 4))
    acked = {"gulou": 0, "yunlong": 0, "tongshan": 0}
    team_of = {"zhou": "gulou", "chen": "yunlong", "sun": "tongshan"}
    lock = threading.Lock()
    failures = []

    def replan_and_publish(account):
        cookie, csrf = sessions[account]
        for _ in range(30):
            status, headers, _ = request("POST", "/week/replan", cookie, {"csrf": csrf, "week": "2022-03-07"})
            if status != 303:
                failures.append("replan %s: %d" % (account, status))
                return
            status, headers, body = request("POST", "/week/publish", cookie, {"csrf": csrf, "week": "2022-03-07"})
            if status == 303:
                with lock:
                    acked[team_of[account]] += 1
                return
            if status != 409:
                failures.append("publish %s: %d" % (account, status))
                return
            # 409: another member published (or replaced the draft) meanwhile: replan from the latest and retry.
        failures.append("publish %s: never got through" % account)

    started = time.time()
    workers = [threading.Thread(target=replan_and_publish, args=(("zhou", "chen", "sun")[i % 3],))
               for i in range(args.publishes)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    publish_seconds = time.time() - started
    output = wrk.communicate()[0]
    with open(os.path.join(args.run, "wrk.txt"), "w") as out:
        out.write(output)

    def latency(label):
        match = re.search(r"^\s*%s\s+([\d.]+)(us|ms|s)\s*$" % label, output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    requests = int(re.search(r"(\d+) requests in", output).group(1))
    per_second = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = 0
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if match:
        errors += sum(int(x) for x in match.groups())
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if match:
        errors += int(match.group(1))

    store = sqlite3.connect(db)
    versions = dict(store.execute(
        "SELECT team_id, group_concat(version) FROM (SELECT team_id, version FROM published_weeks "
        "WHERE week_start = '2022-03-07' ORDER BY team_id, version) GROUP BY team_id").fetchall())
    recorded = dict(store.execute(
        "SELECT subject, count(*) FROM changes WHERE action = 'publish' GROUP BY subject").fetchall())
    lost = []
    for team, count in acked.items():
        numbers = [int(v) for v in versions.get(team, "").split(",") if v]
        if numbers != list(range(1, count + 2)):
            lost.append("%s: versions %s, %d acknowledged" % (team, numbers, count))
        if recorded.get(team + "/2022-03-07", 0) != count:
            lost.append("%s: %d publications recorded, %d acknowledged" % (
                team, recorded.get(team + "/2022-03-07", 0), count))
        plan = json.loads(store.execute(
            "SELECT plan_json FROM published_weeks WHERE team_id = ? AND week_start = '2022-03-07' "
            "ORDER BY version DESC LIMIT 1", (team,)).fetchone()[0])
        if plan.get("published_version", 0) != count:
            lost.append("%s: the latest plan says it replans version %s, not %d" % (
                team, plan.get("published_version"), count))
    integrity = store.execute("PRAGMA integrity_check").fetchone()[0]

    p50, p99 = latency("50%"), latency("99%")
    print("board under load: %d connections for %d s on /board and %d calendar feeds" % (
        args.connections, args.seconds, len(feeds)))
    print("  requests        %d (%.0f/s)" % (requests, per_second))
    print("  latency         p50 %.1f ms, p99 %.1f ms (target p99 <= 100 ms)" % (p50, p99))
    print("  errors          %d (target 0)" % errors)
    print("  publishes       %d acknowledged of %d asked, in %.1f s: %s" % (
        sum(acked.values()), args.publishes, publish_seconds, ", ".join("%s %d" % kv for kv in sorted(acked.items()))))
    print("  lost            %d (target 0)%s" % (len(lost), "".join("\n    " + x for x in lost)))
    print("  failures        %d%s" % (len(failures), "".join("\n    " + x for x in failures)))
    print("  store           integrity_check: %s" % integrity)
    ok = p99 <= 100 and errors == 0 and not lost and not failures and integrity == "ok" \
        and sum(acked.values()) == args.publishes
    print("  verdict         %s" % ("met" if ok else "NOT met"))
    sys.exit(0 if ok else 1)
finally:
    board.stop()
