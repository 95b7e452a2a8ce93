#!/usr/bin/env python3
"""Write a realistic, deterministic iCalendar feed for the calendar parse/expand benchmark.

Standard library only. The same --events/--recurring/--seed always give byte-identical output.

    python3 make_feed.py --events 10000 --recurring 0.2 --seed 1 --out FILE

What the feed holds (10,000 events come to about 2.4 MB):
  * one VTIMEZONE for Asia/Shanghai; about 70% of the events use TZID=Asia/Shanghai,
    15% are UTC ("Z") and 15% are all-day (VALUE=DATE);
  * events start between 2020-01-01 and 2026-12-31;
  * a --recurring share of the series carry an RRULE: DAILY, WEEKLY (BYDAY), MONTHLY
    (BYMONTHDAY or BYDAY=2TU / -1FR) and YEARLY, with COUNT, UNTIL, INTERVAL or no end;
    some series have EXDATEs, and some have RECURRENCE-ID overrides (extra VEVENTs with
    the same UID, counted in --events);
  * Chinese and English SUMMARY/DESCRIPTION/LOCATION text with escaped commas,
    semicolons and newlines; some VALARMs, ATTENDEEs and CATEGORIES;
  * CRLF line ends, lines folded at 75 octets without splitting a UTF-8 sequence.
"""

import argparse
import datetime as dt
import random

UTC = dt.timezone.utc
CST = dt.timezone(dt.timedelta(hours=8))  # Asia/Shanghai has had no DST since 1991
START = dt.date(2020, 1, 1)
DAYS = (dt.date(2026, 12, 31) - START).days + 1
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

SUMMARIES_ZH = [
    "团队周会", "项目评审会", "客户拜访：浦东新区", "产品需求讨论", "季度总结与规划",
    "航班 MU5101 北京首都→上海虹桥", "高铁 G7 南京南→北京南", "酒店入住：外滩华尔道夫",
    "午餐：与李经理", "牙医预约", "瑜伽课", "家长会", "生日：王芳", "读书会《三体》",
    "春节假期", "中秋团圆饭", "体检（空腹）", "面试：前端工程师", "预算评审；第二轮",
    "参观上海博物馆", "外滩夜游", "周末爬山：佘山", "签证办理", "搬家", "健身房",
]
SUMMARIES_EN = [
    "Weekly sync", "1:1 with Alice", "Flight CA981 PEK→JFK", "Quarterly review; budget, hiring",
    "Dentist", "Yoga class", "Design review", "Sprint planning", "Lunch with Bob",
    "Conference: Swift Summit", "Standup", "Board meeting", "Team offsite, day 1",
    "Pick up dry cleaning", "Call with vendor", "Hotel check-in: The Peninsula",
    "Train to Hangzhou", "Birthday: Chen Jie", "Code freeze", "Release party",
]
LOCATIONS = [
    "上海市浦东新区世纪大道100号", "北京市朝阳区建国路87号", "会议室 3A", "Zoom",
    "Room 401, Building B", "上海虹桥国际机场 T2", "杭州东站", "Starbucks, 南京西路",
    "外滩18号", "Online", "Conference Hall, Level 5", "静安嘉里中心",
]
DESC_ZH = [
    "请提前十分钟到场。", "会议议程：一、上周进展；二、本周计划；三、风险与问题。",
    "携带身份证和护照复印件。", "如有变动请在群里通知大家，谢谢！", "需要准备演示文稿和数据报表。",
    "地址：上海市黄浦区中山东一路，地铁2号线南京东路站3号口。", "费用由公司报销，请保留发票。",
    "会后聚餐，地点待定。", "提醒：天气预报有雨，记得带伞。", "本次讨论涉及预算、人员和时间表。",
]
DESC_EN = [
    "Please arrive ten minutes early.", "Agenda: 1) last week, 2) this week, 3) risks; blockers.",
    "Bring your passport, and a printed copy of the booking.", "Dial-in details are in the invite.",
    "Slides: https://example.com/decks/q3-review (internal only).", "Parking is available on level B2.",
    "We will review the roadmap, the budget and the hiring plan.", "Notes from last time are attached.",
    "Dress code: business casual.", "Let me know if this time does not work for you.",
]
CATEGORIES = ["工作", "个人", "旅行", "家庭", "Work", "Personal", "Travel", "Health"]
NAMES = ["alice", "bob", "chen.jie", "wang.fang", "li.lei", "zhang.wei", "carol", "dave"]

VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Shanghai",
    "X-LIC-LOCATION:Asia/Shanghai",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "DTSTART:19700101T000000",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def escape(text):
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line):
    """Fold one content line at 75 octets (continuations carry a leading space)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return [line]
    out, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # never split a UTF-8 sequence
            end -= 1
        chunk = data[start:end].decode("utf-8")
        out.append(chunk if not out else " " + chunk)
        start, limit = end, 74
    return out


def fmt_local(t):
    return t.strftime("%Y%m%dT%H%M%S")


def fmt_utc(t):
    return t.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fmt_date(d):
    return d.strftime("%Y%m%d")


def add_months(d, months):
    y, m = divmod(d.month - 1 + months, 12)
    return d.replace(year=d.year + y, month=m + 1)


class Feed:
    def __init__(self, rng):
        self.rng = rng
        self.lines = []
        self.seq = 0

    def prop(self, name, value):
        self.lines.extend(fold(f"{name}:{value}"))

    def time_prop(self, name, kind, value):
        if kind == "date":
            self.prop(f"{name};VALUE=DATE", fmt_date(value))
        elif kind == "utc":
            self.prop(name, fmt_utc(value))
        else:
            self.prop(f"{name};TZID=Asia/Shanghai", fmt_local(value))

    def text(self, zh):
        rng = self.rng
        summary = rng.choice(SUMMARIES_ZH if zh else SUMMARIES_EN)
        desc = None
        if rng.random() < 0.25:
            pool = DESC_ZH if zh else DESC_EN
            if rng.random() < 0.25:
                pool = DESC_ZH + DESC_EN
            desc = "\n".join(rng.sample(pool, rng.randint(1, 2)))
        return summary, desc

    def event(self, uid, kind, start, end, rrule=None, exdates=(), recurrence_id=None,
              summary=None, zh=True):
        rng = self.rng
        self.seq += 1
        stamp = dt.datetime(2026, 1, 1, tzinfo=UTC) + dt.timedelta(seconds=self.seq * 37)
        the_summary, desc = self.text(zh)
        if summary is not None:
            the_summary = summary
        self.lines.append("BEGIN:VEVENT")
        self.prop("UID", uid)
        self.prop("DTSTAMP", fmt_utc(stamp))
        if recurrence_id is not None:
            self.time_prop("RECURRENCE-ID", kind, recurrence_id)
        self.time_prop("DTSTART", kind, start)
        self.time_prop("DTEND", kind, end)
        if rrule:
            self.prop("RRULE", rrule)
        for ex in exdates:
            self.time_prop("EXDATE", kind, ex)
        self.prop("SUMMARY", escape(the_summary))
        if desc:
            self.prop("DESCRIPTION", escape(desc))
        if rng.random() < 0.3:
            self.prop("LOCATION", escape(rng.choice(LOCATIONS)))
        if rng.random() < 0.15:
            self.prop("CATEGORIES", ",".join(rng.sample(CATEGORIES, rng.randint(1, 2))))
        if kind == "date":
            self.prop("TRANSP", "TRANSPARENT")
        if rng.random() < 0.03:
            organizer = rng.choice(NAMES)
            self.prop(f"ORGANIZER;CN={organizer}", f"mailto:{organizer}@example.com")
            for name in rng.sample(NAMES, rng.randint(1, 3)):
                self.prop(f"ATTENDEE;CN={name};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED",
                          f"mailto:{name}@example.com")
        if recurrence_id is not None or rng.random() < 0.2:
            self.prop("SEQUENCE", str(rng.randint(0, 3) if recurrence_id is None else 1))
        if kind != "date" and rng.random() < 0.08:
            self.lines.extend(["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Reminder",
                               f"TRIGGER:-PT{rng.choice([5, 10, 15, 30])}M", "END:VALARM"])
        self.lines.append("END:VEVENT")


def make_start(rng, kind):
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    if kind == "date":
        return day, day + dt.timedelta(days=rng.choice([1, 1, 1, 1, 2, 3]))
    hour = rng.choice([7, 8, 9, 9, 10, 10, 11, 13, 14, 14, 15, 16, 17, 19, 20])
    minute = rng.choice([0, 0, 0, 15, 30, 30, 45])
    zone = UTC if kind == "utc" else CST  # a UTC event is laid out in UTC, so BYDAY/BYMONTHDAY match it
    start = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    length = dt.timedelta(minutes=rng.choice([15, 30, 30, 45, 60, 60, 60, 90, 120, 180]))
    return start, start + length


def nth_weekday(year, month, nth, weekday):
    """The nth (1-based, or -1 for the last) weekday (0 = Monday) of a month, as a date."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def nth_weekday_on_or_after(start, nth, weekday):
    day = start if not isinstance(start, dt.datetime) else start.date()
    first = dt.date(day.year, day.month, 1)
    while True:
        hit = nth_weekday(first.year, first.month, nth, weekday)
        if hit >= day:
            break
        first = add_months(first, 1)
    if isinstance(start, dt.datetime):
        return start.replace(year=hit.year, month=hit.month, day=hit.day)
    return hit


def make_rule(rng, kind, start):
    """An RRULE for a series starting at start (moved onto the rule's first day when the rule
    needs it), the start, and a few occurrence starts that the series surely has."""
    freq = rng.choices(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"], weights=[20, 45, 20, 15])[0]
    if kind == "date" and freq in ("DAILY",):
        freq = "YEARLY"
    parts = [f"FREQ={freq}"]
    interval = 1
    step = None  # a function k -> the k-th occurrence start that is safe to name in EXDATE/RECURRENCE-ID
    per_step = 1  # occurrences per step (for COUNT)
    if freq == "DAILY":
        interval = rng.choice([1, 1, 2, 3])
        step = lambda k: start + dt.timedelta(days=k * interval)
    elif freq == "WEEKLY":
        interval = rng.choice([1, 1, 1, 2])
        own = WEEKDAYS[start.weekday()]
        days = {own}
        if rng.random() < 0.5:
            days.update(rng.sample(WEEKDAYS[:5], rng.randint(1, 2)))
        days = [d for d in WEEKDAYS if d in days]
        per_step = len(days)
        parts.append("BYDAY=" + ",".join(days))
        step = lambda k: start + dt.timedelta(weeks=k * interval)
    elif freq == "MONTHLY":
        interval = rng.choice([1, 1, 1, 3])
        r = rng.random()
        if r < 0.5 and start.day <= 28:
            parts.append(f"BYMONTHDAY={start.day}")
            step = lambda k: add_months(start, k * interval)
        else:
            # the second Tuesday or the last Friday; DTSTART moves to the first such day, as a
            # calendar app would put it
            nth, weekday = (2, 1) if r < 0.75 else (-1, 4)
            parts.append("BYDAY=2TU" if nth == 2 else "BYDAY=-1FR")
            start = nth_weekday_on_or_after(start, nth, weekday)
    else:
        if not (start.month == 2 and start.day == 29):
            step = lambda k: start.replace(year=start.year + k)
    if interval > 1:
        parts.insert(1, f"INTERVAL={interval}")
    end = rng.random()
    count = until = None
    if end < 0.35:
        count = rng.choice([5, 10, 12, 20, 30, 52, 100])
        parts.append(f"COUNT={count}")
    elif end < 0.7:
        span = dt.timedelta(days=rng.choice([30, 90, 180, 365, 730]))
        until = start + span
        if kind == "date":
            parts.append(f"UNTIL={fmt_date(until)}")
        else:
            parts.append(f"UNTIL={fmt_utc(until.replace(hour=23, minute=59))}")
    safe = []
    if step is not None:
        for k in range(1, 8):
            t = step(k)
            if count is not None and (k + 1) * per_step > count:
                break
            if until is not None and t > until:
                break
            safe.append(t)
    return ";".join(parts), start, safe


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=10000, help="VEVENTs to write, overrides included")
    ap.add_argument("--recurring", type=float, default=0.2, help="share of series with an RRULE")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    feed = Feed(rng)
    feed.lines += ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tiaoqi//Benchmark feed//ZH",
                   "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Tiaoqi 基准测试日历"]
    feed.lines += VTIMEZONE
    written = 0
    n = 0
    while written < args.events:
        n += 1
        uid = f"{rng.getrandbits(32):08x}-{n}@tiaoqi"
        r = rng.random()
        kind = "tz" if r < 0.70 else ("utc" if r < 0.85 else "date")
        zh = rng.random() < 0.6
        start, end = make_start(rng, kind)
        if rng.random() >= args.recurring:
            feed.event(uid, kind, start, end, zh=zh)
            written += 1
            continue
        rule, moved, safe = make_rule(rng, kind, start)
        start, end = moved, moved + (end - start)
        exdates, overrides = [], []
        if safe and rng.random() < 0.15:
            exdates = sorted(rng.sample(safe, min(len(safe), rng.randint(1, 2))))
        rest = [t for t in safe if t not in exdates]
        if rest and rng.random() < 0.10:
            overrides = sorted(rng.sample(rest, min(len(rest), rng.randint(1, 2))))
        overrides = overrides[: max(0, args.events - written - 1)]
        feed.event(uid, kind, start, end, rrule=rule, exdates=exdates, zh=zh)
        written += 1
        for rid in overrides:
            shift = dt.timedelta(days=1) if kind == "date" else dt.timedelta(hours=rng.choice([1, 2, -1]))
            o_start = rid + shift
            feed.event(uid, kind, o_start, o_start + (end - start), recurrence_id=rid,
                       summary=("（改期）" if zh else "(moved) ") + rng.choice(SUMMARIES_ZH if zh else SUMMARIES_EN),
                       zh=zh)
            written += 1
    feed.lines.append("END:VCALENDAR")
    with open(args.out, "wb") as f:
        f.write(("\r\n".join(feed.lines) + "\r\n").encode("utf-8"))


if __name__ == "__main__":
    main()
