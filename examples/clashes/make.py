#!/usr/bin/env python3
"""Builds the clash examples: one folder per clash kind, each with the district teams' schedules, their plans made by
`tiaoqi plan`, and then the change that makes the clash (a calendar event added, a rule tightened, a train moved).

    python3 examples/clashes/make.py [path/to/tiaoqi]

Deterministic: the plans are made with --seed 1 and a fixed effort. Run from anywhere; it writes next to itself.
"""
import datetime
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TIAOQI = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/tiaoqi")

OPEN_FEED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Tiaoqi examples//clashes//ZH
X-WR-TIMEZONE:Asia/Shanghai
END:VCALENDAR
"""

HEADER = "id,name,city,address,lat,lon,priority,meeting_minutes,calendar,must_visit,sector,with,earliest_day,latest_day,pinned,company\n"

# Clients by id: name, city, address, lat, lon.
PLACES = {
    "nj-chip": ("南京宁芯半导体有限公司", "nanjing", "南京市江北新区研创园团结路66号", 32.150, 118.705),
    "nj-chip-rd": ("宁芯半导体（南京）研发中心", "nanjing", "南京市江宁区秣周东路12号", 31.880, 118.860),
    "su-material": ("苏州晶华新材料有限公司", "suzhou", "苏州工业园区苏州大道东288号", 31.318, 120.670),
    "nj-battery": ("南京金陵储能科技有限公司", "nanjing", "南京市江宁区双龙大道1088号", 31.950, 118.825),
    "bj-chip": ("北京芯域半导体科技有限公司", "beijing", "北京市海淀区中关村东路66号", 39.984, 116.328),
    "sh-bio": ("上海张江生物医药有限公司", "shanghai", "上海市浦东新区张江路88号", 31.205, 121.590),
    "hz-robot": ("杭州云栖机器人有限公司", "hangzhou", "杭州市西湖区云栖小镇8号", 30.180, 120.100),
    "su-robot": ("苏州智行机器人有限公司", "suzhou", "苏州市相城区阳澄湖大道9号", 31.420, 120.640),
}


def client(cid, priority=6, minutes=90, must="no", feed="../../feeds/open.ics", with_="", earliest="", latest="", pinned="", company=""):
    name, city, address, lat, lon = PLACES[cid]
    return f"{cid},{name},{city},{address},{lat:.3f},{lon:.3f},{priority},{minutes},{feed},{must},,{with_},{earliest},{latest},{pinned},{company}\n"


def team(folder, name, staff, clients, extra_defaults=""):
    os.makedirs(folder, exist_ok=True)
    people = "".join(
        f"  - id: {person[0]}\n    name: {person[1]}\n    home: xuzhou\n" + (f"    calendar: {person[2]}\n" if len(person) > 2 else "")
        for person in staff)
    with open(os.path.join(folder, "plan.yaml"), "w") as f:
        f.write(
            f"# Written by ../../make.py: one district team's week.\n"
            f"name: {name} 2022 第10周\nteam: {name}\nweek:\n  start: 2022-03-07\n  end: 2022-03-11\n"
            f"time_zone: Asia/Shanghai\nnetwork: ../../../../../schedules/network\nclients: clients.csv\n"
            f"defaults:\n  hotel_cost: 450\n{extra_defaults}staff:\n{people}")
    with open(os.path.join(folder, "clients.csv"), "w") as f:
        f.write(HEADER + "".join(clients))


def plan(schedule, out):
    os.makedirs(out, exist_ok=True)
    subprocess.run([TIAOQI, "plan", schedule, "--out", out, "--seconds", "0.2", "--seed", "1", "--format", "json",
                    "--lang", "zh"],
                   check=True, stdout=subprocess.DEVNULL)


def edit(plan_file, change):
    with open(plan_file) as f:
        data = json.load(f)
    change(data)
    with open(plan_file, "w") as f:
        json.dump(data, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")


def example(kind):
    folder = os.path.join(HERE, kind)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "feeds"))
    with open(os.path.join(folder, "feeds", "open.ics"), "w") as f:
        f.write(OPEN_FEED)
    return folder


def build():
    # Two teams court one company: the same day by credit code, and the same week by name.
    f = example("same-company")
    team(f"{f}/teams/gulou", "鼓楼区", [("wu", "吴志强")], [
        client("nj-chip", earliest="tue", latest="tue", company="91320191MA1WX0001K"),
        client("su-material", earliest="wed", latest="wed")])
    team(f"{f}/teams/yunlong", "云龙区", [("zheng", "郑晓燕")], [
        client("nj-chip-rd", earliest="tue", latest="tue", company="91320191MA1WX0001K"),
        client("su-material", earliest="thu", latest="thu")])
    for t in ("gulou", "yunlong"):
        plan(f"{f}/teams/{t}", f"{f}/plans/{t}")

    # A person booked twice: the team plans the leader into a delegation; his own week, kept by hand, says otherwise.
    # His own calendar also gained a meeting over the visit after the week was planned.
    f = example("double-booked")
    shutil.copy(f"{f}/feeds/open.ics", f"{f}/feeds/staff-liu.ics")
    team(f"{f}/teams/gulou", "鼓楼区", [("wu", "吴志强"), ("liu", "刘海峰", "../../feeds/staff-liu.ics")], [
        client("nj-battery", must="yes", with_="liu", pinned="tue 14:00")])
    plan(f"{f}/teams/gulou", f"{f}/plans/gulou")
    with open(f"{f}/feeds/staff-liu.ics", "w") as out:
        out.write(OPEN_FEED.replace("END:VCALENDAR\n",
            "BEGIN:VEVENT\nUID:committee@liu.example\nDTSTAMP:20220305T000000Z\n"
            "DTSTART;TZID=Asia/Shanghai:20220308T133000\nDTEND;TZID=Asia/Shanghai:20220308T143000\n"
            "SUMMARY:区委常委会\nEND:VEVENT\nEND:VCALENDAR\n"))
    os.makedirs(f"{f}/plans/by-hand")
    with open(f"{f}/plans/by-hand/liu.ics", "w") as out:
        out.write(
            "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Tiaoqi examples//by hand//ZH\nX-TIAOQI-TEAM:局领导办公室\n"
            "BEGIN:VEVENT\nUID:visit-leaders@examples\nDTSTAMP:20220301T000000Z\n"
            "DTSTART;TZID=Asia/Shanghai:20220308T150000\nDTEND;TZID=Asia/Shanghai:20220308T170000\n"
            "SUMMARY:陪同市领导调研\nLOCATION:南京市江北新区\nEND:VEVENT\nEND:VCALENDAR\n")

    # The leader needed in Beijing and Shanghai on one morning by two teams.
    f = example("unreachable")
    team(f"{f}/teams/gulou", "鼓楼区", [("wu", "吴志强"), ("liu", "刘海峰")], [
        client("bj-chip", must="yes", with_="liu", pinned="tue 09:30")])
    team(f"{f}/teams/tongshan", "铜山区", [("qian", "钱立新"), ("liu", "刘海峰")], [
        client("sh-bio", must="yes", with_="liu", pinned="tue 13:00")])
    for t in ("gulou", "tongshan"):
        plan(f"{f}/teams/{t}", f"{f}/plans/{t}")

    # A client's calendar gained a board meeting after the week was planned.
    f = example("outside-availability")
    shutil.copy(f"{f}/feeds/open.ics", f"{f}/feeds/client-hz-robot.ics")
    team(f"{f}/teams/gulou", "鼓楼区", [("wu", "吴志强")], [
        client("hz-robot", must="yes", feed="../../feeds/client-hz-robot.ics", earliest="wed", latest="wed")])
    plan(f"{f}/teams/gulou", f"{f}/plans/gulou")
    with open(f"{f}/plans/gulou/plan.json") as p:
        visit = json.load(p)["visits"][0]
    start = visit["start"]
    with open(f"{f}/feeds/client-hz-robot.ics", "w") as out:
        out.write(OPEN_FEED.replace("END:VCALENDAR\n",
            "BEGIN:VEVENT\nUID:board@hz-robot.example\nDTSTAMP:20220305T000000Z\n"
            f"DTSTART:{utc(start)}\nDTEND:{utc(start, 5400)}\nSUMMARY:董事会\nEND:VEVENT\nEND:VCALENDAR\n"))

    # The train the plan took has moved: the timetable no longer has it at that time.
    f = example("service-gone")
    team(f"{f}/teams/gulou", "鼓楼区", [("wu", "吴志强")], [client("sh-bio", must="yes", earliest="wed", latest="wed")])
    plan(f"{f}/teams/gulou", f"{f}/plans/gulou")

    def move_first_train(data):
        for leg in data["legs"]:
            for part in leg["parts"]:
                if part.get("service"):
                    part["depart"] = iso(part["depart"], 600)
                    part["arrive"] = iso(part["arrive"], 600)
                    return
    edit(f"{f}/plans/gulou/plan.json", move_first_train)

    # The bureau raised the train check-in time after the week was planned: tight changes no longer work.
    f = example("connection-broken")
    team(f"{f}/teams/gulou", "鼓楼区", [("wu", "吴志强")], [client("su-robot", must="yes", earliest="wed", latest="wed")])
    plan(f"{f}/teams/gulou", f"{f}/plans/gulou")
    team(f"{f}/teams/gulou", "鼓楼区", [("wu", "吴志强")], [client("su-robot", must="yes", earliest="wed", latest="wed")],
         extra_defaults="  check_in_minutes: {train: 90}\n")

    # The rules tightened after planning: work from 09:30, one night away at most, 3h20 of travel a day.
    f = example("over-limit")
    team(f"{f}/teams/gulou", "鼓楼区", [("wu", "吴志强")], [
        client("bj-chip", must="yes", earliest="tue", latest="tue"), client("sh-bio", must="yes", earliest="wed", latest="wed")])
    plan(f"{f}/teams/gulou", f"{f}/plans/gulou")
    team(f"{f}/teams/gulou", "鼓楼区", [("wu", "吴志强")], [
        client("bj-chip", must="yes", earliest="tue", latest="tue"), client("sh-bio", must="yes", earliest="wed", latest="wed")],
         extra_defaults="  working_hours: \"09:30-18:30\"\n  max_nights: 1\n  daily_travel_cap_minutes: 200\n")

    # Two teams, different people, different companies: nothing to report.
    f = example("clean")
    team(f"{f}/teams/gulou", "鼓楼区", [("wu", "吴志强")], [client("nj-chip", must="yes")])
    team(f"{f}/teams/yunlong", "云龙区", [("zheng", "郑晓燕")], [client("su-robot", must="yes")])
    for t in ("gulou", "yunlong"):
        plan(f"{f}/teams/{t}", f"{f}/plans/{t}")


def utc(text, plus=0):
    """An ISO instant of plan.json ("2022-03-09T01:00:00Z"), moved by `plus` seconds, in iCalendar UTC form."""
    moment = datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ") + datetime.timedelta(seconds=plus)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def iso(text, plus):
    moment = datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ") + datetime.timedelta(seconds=plus)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


if __name__ == "__main__":
    build()
