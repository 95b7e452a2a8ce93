#!/usr/bin/env python3
"""Writes a GTFS feed shaped like a city bus agency's, deterministic for a seed, for the import benchmark.

    python3 make_feed.py OUT_FOLDER [--stations 400] [--routes 32] [--seed 1]

The feed: one agency (Asia/Shanghai); stations (location_type 1) with two platforms each (parent_station), stops
without a station, and entrances (location_type 2) mixed in one stops.txt, some stops in another stop_timezone;
routes of 14-30 stops run every 8-20 minutes from 05:30 to 23:00 in both directions (weekdays and weekends as two
services, a holiday removed in calendar_dates.txt, and a night service defined only by calendar_dates.txt); one route
in eight is run from frequencies.txt instead (exact_times 0 and 1); transfers.txt names stations (a station to itself
and to its neighbours) and a few platforms. With the defaults: about 4,200 trips and 3.9 MB of stop_times.txt.
"""

import argparse
import math
import os
import random


def clock(seconds):
    return "%02d:%02d:%02d" % (seconds // 3600, seconds // 60 % 60, seconds % 60)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--stations", type=int, default=400)
    parser.add_argument("--routes", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    def write(name, header, rows):
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="") as f:
            f.write(header + "\r\n")
            for row in rows:
                f.write(",".join(str(v) for v in row) + "\r\n")

    write("agency.txt", "agency_id,agency_name,agency_url,agency_timezone",
          [("BUS", "示例公交 Sample Bus", "https://example.invalid", "Asia/Shanghai")])

    # Stations on a grid around (34.26, 117.19); each has two platforms; a tenth of the places are bare stops.
    stops = []  # rows of stops.txt
    places = []  # (platform ids, lat, lon, station id or None)
    side = int(math.ceil(math.sqrt(args.stations)))
    for n in range(args.stations):
        lat = 34.0 + (n // side) * 0.004 + rnd.uniform(-0.001, 0.001)
        lon = 117.0 + (n % side) * 0.005 + rnd.uniform(-0.001, 0.001)
        zone = "Asia/Urumqi" if n % 97 == 0 else ""
        if n % 10 == 9:
            stops.append(("S%d" % n, "站点 Stop %d" % n, "%.6f" % lat, "%.6f" % lon, 0, "", zone))
            places.append((["S%d" % n], lat, lon, None))
            continue
        station = "ST%d" % n
        stops.append((station, "车站 Station %d" % n, "%.6f" % lat, "%.6f" % lon, 1, "", zone))
        platforms = []
        for k in (1, 2):
            pid = "%s-P%d" % (station, k)
            stops.append((pid, "车站 Station %d 站台 %d" % (n, k), "%.6f" % (lat + 0.0001 * k), "%.6f" % lon, 0,
                          station, ""))
            platforms.append(pid)
        stops.append(("%s-E" % station, "车站 Station %d 入口" % n, "%.6f" % lat, "%.6f" % (lon + 0.0001), 2,
                      station, ""))
        places.append((platforms, lat, lon, station))
    write("stops.txt", "stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station,stop_timezone", stops)

    write("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
          [("WK", 1, 1, 1, 1, 1, 0, 0, 20220110, 20220630), ("WE", 0, 0, 0, 0, 0, 1, 1, 20220110, 20220630)])
    dates = [("WK", 20220404, 2), ("WE", 20220404, 1)]
    night = []
    day = 20220110
    for month, length in ((1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30)):
        for d in range(10 if month == 1 else 1, length + 1):
            if d % 7 == 0:
                night.append(("NIGHT", 2022 * 10000 + month * 100 + d, 1))
    write("calendar_dates.txt", "service_id,date,exception_type", dates + night)

    routes, trips, times, frequencies = [], [], [], []
    for r in range(args.routes):
        rid = "R%d" % r
        routes.append((rid, "BUS", "%d路" % (r + 1), "%d路 Line %d" % (r + 1, r + 1), 3))
        length = rnd.randint(14, 30)
        # A wandering line over neighbouring places.
        at = rnd.randrange(len(places))
        path = [at]
        while len(path) < length:
            step = rnd.choice((1, -1, side, -side, side + 1, -side - 1))
            nxt = path[-1] + step
            if 0 <= nxt < len(places) and nxt not in path:
                path.append(nxt)
            elif rnd.random() < 0.2:
                nxt = rnd.randrange(len(places))
                if nxt not in path:
                    path.append(nxt)
        headway = rnd.choice((900, 1200, 1500, 1800, 2400))
        by_frequency = r % 8 == 7
        for direction in (0, 1):
            sequence = path if direction == 0 else list(reversed(path))
            hops = [rnd.randint(60, 180) for _ in sequence[1:]]
            for service in ("WK", "WE") + (("NIGHT",) if r % 20 == 0 else ()):
                first, last = (5 * 3600 + 1800, 23 * 3600) if service != "NIGHT" else (23 * 3600 + 1800, 27 * 3600)
                step = headway if service == "WK" else headway * 3 // 2
                starts = [first] if by_frequency else list(range(first + direction * 120, last, step))
                for start in starts:
                    tid = "%s-%d-%s-%s" % (rid, direction, service, clock(start).replace(":", ""))
                    trips.append((rid, service, tid, "%d路" % (r + 1), direction))
                    t = start
                    for k, place in enumerate(sequence):
                        platforms = places[place][0]
                        stop = platforms[direction % len(platforms)]
                        # Every third stop in the middle is not a timepoint (empty times).
                        timed = k == 0 or k == len(sequence) - 1 or k % 3 != 1
                        shown = clock(t) if timed else ""
                        times.append((tid, shown, shown, stop, k + 1))
                        if k < len(hops):
                            t += hops[k] + 20
                    if by_frequency:
                        exact = direction  # one direction headway-based, the other exact
                        frequencies.append((tid, clock(first), clock(12 * 3600), step, exact))
                        frequencies.append((tid, clock(12 * 3600), clock(last), step + 300, exact))
    write("routes.txt", "route_id,agency_id,route_short_name,route_long_name,route_type", routes)
    write("trips.txt", "route_id,service_id,trip_id,trip_headsign,direction_id", trips)
    write("stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,stop_sequence", times)
    write("frequencies.txt", "trip_id,start_time,end_time,headway_secs,exact_times", frequencies)

    transfers = []
    stations = [p for p in places if p[3] is not None]
    for p in stations:
        transfers.append((p[3], p[3], 2, 120))
    for i, p in enumerate(places):
        for q in places[i + 1:i + 2]:
            if p[3] and q[3] and abs(p[1] - q[1]) < 0.003 and abs(p[2] - q[2]) < 0.008:
                transfers.append((p[3], q[3], 2, 300))
                transfers.append((q[3], p[3], 2, 300))
    for p in stations[::25]:
        transfers.append((p[0][0], p[0][1], 2, 60))  # a platform-level rule overrides the station's
    write("transfers.txt", "from_stop_id,to_stop_id,transfer_type,min_transfer_time", transfers)


if __name__ == "__main__":
    main()
