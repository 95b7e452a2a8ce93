#!/usr/bin/env python3
"""Builds the three district teams' schedules of this week (districts/<team>/) from the bureau's clients and feeds,
and plans each with `tiaoqi plan` into plans/<team>/: the input of `tiaoqi clashes schedules/2022-w10/plans`.

    python3 schedules/2022-w10/make_district_plans.py [path/to/tiaoqi]

Each district plans its own people; the deputy director 刘海峰 (liu) leads a delegation for two of them, and two
districts court the same companies. Deterministic (seed 1, fixed effort).
"""
import csv
import io
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TIAOQI = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/tiaoqi")

STAFF = {
    "liu": ("刘海峰", '    working_hours: "09:00-17:30"\n    travel_hours: "07:00-21:00"\n    daily_travel_cap_minutes: 360\n'),
    "zhou": ("周建华", '    working_hours: "08:00-19:00"\n    travel_hours: "06:00-23:00"\n    daily_travel_cap_minutes: 600\n    languages: [zh, en]\n'),
    "chen": ("陈思远", "    languages: [zh, en]\n"),
    "sun": ("孙雅婷", "    daily_travel_cap_minutes: 420\n"),
}

# Team folder, team name, staff, and clients with the columns that differ from the bureau's clients.csv.
DISTRICTS = [
    ("gulou", "鼓楼区招商组", ["zhou", "liu"], {
        "bj01": {"with": "liu", "must_visit": "yes", "pinned": "wed 10:00"},
        "nj01": {"earliest_day": "tue", "latest_day": "tue"},
        "sh01": {}, "hz01": {}, "bj03": {},
    }),
    ("yunlong", "云龙区招商组", ["chen", "liu"], {
        "su01": {"with": "liu", "must_visit": "yes", "pinned": "wed 15:00"},
        "sh01": {"earliest_day": "thu", "latest_day": "thu"},
        "nj02": {}, "sh05": {},
    }),
    ("tongshan", "铜山区招商组", ["sun"], {
        "nj01": {"earliest_day": "tue", "latest_day": "tue"},
        "hf01": {"must_visit": "yes"}, "qd01": {}, "su02": {},
    }),
]


def main():
    with open(os.path.join(HERE, "clients.csv"), newline="") as f:
        rows = {row["id"]: row for row in csv.DictReader(f)}
        columns = list(rows["bj01"].keys())
    for folder, team, staff, clients in DISTRICTS:
        path = os.path.join(HERE, "districts", folder)
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
        people = "".join(
            f"  - id: {sid}\n    name: {STAFF[sid][0]}\n    home: xuzhou\n    calendar: ../../feeds/staff-{sid}.ics\n{STAFF[sid][1]}"
            for sid in staff)
        with open(os.path.join(path, "plan.yaml"), "w") as f:
            f.write(
                f"# Written by ../../make_district_plans.py: the {team} week, planned by the district itself.\n"
                f"name: {team} 2022 第10周\nteam: {team}\nweek:\n  start: 2022-03-07\n  end: 2022-03-11\n"
                f"time_zone: Asia/Shanghai\nnetwork: ../../../network\nclients: clients.csv\n"
                f"defaults:\n  hotel_cost: 450\nstaff:\n{people}")
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for cid, changes in clients.items():
            row = dict(rows[cid])
            row.update({"with": "", "pinned": "", "after": "", "eligible": "", "language": "", "must_visit": "no"})
            row.update(changes)
            row["calendar"] = "../../" + row["calendar"]
            writer.writerow(row)
        with open(os.path.join(path, "clients.csv"), "w") as f:
            f.write(out.getvalue())
        plans = os.path.join(HERE, "plans", folder)
        shutil.rmtree(plans, ignore_errors=True)
        result = subprocess.run([TIAOQI, "plan", path, "--out", plans, "--seconds", "0.5", "--seed", "1", "--lang", "zh"], stdout=subprocess.DEVNULL)
        if result.returncode != 0:
            sys.exit(f"planning {folder} failed ({result.returncode})")


if __name__ == "__main__":
    main()
