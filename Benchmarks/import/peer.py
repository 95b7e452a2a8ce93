#!/usr/bin/env python3
"""Peer side of the import benchmark: Python's csv module reading a feed's stop_times.txt.

    python3 peer.py FEED_FOLDER

Reads stop_times.txt with csv.DictReader, turns each time H:MM:SS into seconds (empty stays None) and groups the rows
by trip in stop_sequence order: the least an importer does with that file. Best of 3 runs; prints one JSON line with
the seconds, the rows and the trips.
"""

import csv
import json
import os
import sys
import time


def seconds(text):
    if not text:
        return None
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + int(s)


def read(path):
    trips = {}
    rows = 0
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            trips.setdefault(row["trip_id"], []).append(
                (int(row["stop_sequence"]), row["stop_id"], seconds(row["arrival_time"]),
                 seconds(row["departure_time"])))
            rows += 1
    for times in trips.values():
        times.sort(key=lambda t: t[0])
    return rows, len(trips)


def main():
    path = os.path.join(sys.argv[1], "stop_times.txt")
    best = None
    for _ in range(3):
        start = time.perf_counter()
        rows, trips = read(path)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(json.dumps({"python": sys.version.split()[0], "stop_times_bytes": os.path.getsize(path), "rows": rows,
                      "trips": trips, "seconds": round(best, 4)}))


if __name__ == "__main__":
    main()
