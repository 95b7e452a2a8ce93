"""Independent oracle for BusyOracleTests: python-dateutil's rrule.

Reads a JSON list of cases ({"rule", "dtstart", "from", "to", "duration"}; times are UTC epoch seconds) on stdin
and prints one line per case: the busy time of every instance dateutil finds that overlaps [from, to), as merged
`start-end` spans (epoch seconds, clipped to the window), after the number of instances; or "error: ..." when
dateutil refuses the rule, "timeout: ..." when it takes over 5 s.

dateutil walks every period from DTSTART, which for FREQ=SECONDLY from decades ago would take hours. Two exact
shortcuts keep it quick, both plain consequences of RFC 5545's definition of a period, not of Tiaoqi's code:
- without COUNT, moving DTSTART forward by whole periods (FREQ x INTERVAL, for SECONDLY..WEEKLY, whose periods
  have a fixed length) leaves every later instance as it was (DTSTART itself is not an instance to dateutil
  unless the rule produces it);
- with COUNT and no BY-part at all, every period yields exactly one instance, so moving DTSTART forward by k
  periods and lowering COUNT by k leaves the later instances as they were.
"""
import json
import re
import signal
import sys
import time
from datetime import datetime, timedelta, timezone

from dateutil.rrule import rrulestr

UNIT = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600, "DAILY": 86400, "WEEKLY": 604800}


def instances(case):
    rule = case["rule"]
    parts = dict(p.split("=", 1) for p in rule.split(";"))
    dtstart = case["dtstart"]
    start, end, duration = case["from"], case["to"], case["duration"]
    unit = UNIT.get(parts["FREQ"])
    if unit:
        step = unit * int(parts.get("INTERVAL", "1"))
        k = (start - duration - dtstart) // step - 1
        has_by = any(key.startswith("BY") for key in parts)
        if k > 0 and "COUNT" not in parts:
            dtstart += k * step
        elif k > 0 and not has_by:
            count = int(parts["COUNT"])
            if count <= k:
                return []
            dtstart += k * step
            parts["COUNT"] = str(count - k)
            rule = ";".join(f"{key}={value}" for key, value in parts.items())
    origin = datetime.fromtimestamp(dtstart, timezone.utc)
    r = rrulestr("RRULE:" + rule, dtstart=origin)
    if "COUNT" not in parts and "UNTIL" not in parts:
        # Instances after the window do not matter; without this dateutil walks a rule that never matches to 9999.
        r = r.replace(until=datetime.fromtimestamp(end, timezone.utc))
    after = datetime.fromtimestamp(start - duration, timezone.utc)
    before = datetime.fromtimestamp(end, timezone.utc)
    return [int(d.timestamp()) for d in r.between(after, before, inc=False)]


class Timeout(Exception):
    pass


def alarm(signum, frame):
    raise Timeout()


def main():
    signal.signal(signal.SIGALRM, alarm)
    for case in json.load(sys.stdin):
        began = time.time()
        signal.alarm(5)
        try:
            starts = instances(case)
            spans = []
            for start in starts:
                begin, end = max(start, case["from"]), min(start + case["duration"], case["to"])
                if spans and begin <= spans[-1][1]:
                    spans[-1][1] = max(spans[-1][1], end)
                else:
                    spans.append([begin, end])
            print(" ".join([str(len(starts))] + [f"{a}-{b}" for a, b in spans]))
        except Timeout:
            print("timeout: dateutil took over 5 s")
        except Exception as error:  # dateutil refuses the rule
            print("error: " + re.sub(r"\s+", " ", str(error)))
        signal.alarm(0)
        if time.time() - began > 0.5:
            print(f"slow {time.time() - began:.2f}s: {case}", file=sys.stderr)
        sys.stdout.flush()


main()
