#!/usr/bin/env python3
"""Loads a folder of the store's tables (`tiaoqi bureau export`'s CSV files) into a PostgreSQL database whose schema
the store's migrations already made, with psql COPY in one transaction: the fast path of Benchmarks/bureau/run.sh
--copy. visits.csv's attendees go to visit_attendees; stage_changes.csv is loaded when the schema has its table.

    copy_tables.py TABLES_FOLDER POSTGRES_URL
"""

import csv
import io
import os
import subprocess
import sys

# file → (table, its columns in the file's order, the text columns that are never NULL)
TABLES = [
    ("teams.csv", "teams", ["id", "name", "time_zone", "schedule_folder", "plan_template"],
     ["schedule_folder", "plan_template"]),
    ("staff.csv", "staff", ["id", "name", "team_id", "home", "is_leader"], []),
    ("companies.csv", "companies", ["id", "name", "credit_code", "group_name"], []),
    ("clients.csv", "clients",
     ["id", "company_id", "name", "city", "address", "lat", "lon", "contact", "calendar", "sector", "chain_position"],
     ["address", "contact", "calendar", "sector", "chain_position"]),
    ("projects.csv", "projects",
     ["id", "company_id", "title", "sector", "stage", "expected_yuan", "owner", "next_action", "next_due"],
     ["sector", "next_action"]),
    ("visits.csv", "visits",
     ["id", "client_id", "project_id", "team_id", "starts", "ends", "status", "outcome", "next_step"],
     ["outcome", "next_step"]),
    ("stage_changes.csv", "stage_changes", ["project_id", "stage", "changed_on"], []),
    ("targets.csv", "targets", ["kind", "name", "weight"], []),
    ("regions.csv", "city_regions", ["city", "region"], []),
]


def main():
    folder, url = sys.argv[1:3]
    exists = subprocess.run(["psql", "-tAq", url, "-c", "SELECT to_regclass('stage_changes') IS NOT NULL"],
                            check=True, capture_output=True, text=True).stdout.strip() == "t"
    psql = subprocess.Popen(["psql", "-q", "-v", "ON_ERROR_STOP=1", url], stdin=subprocess.PIPE)
    out = io.TextIOWrapper(psql.stdin, encoding="utf-8", newline="")
    writer = csv.writer(out, lineterminator="\n")
    out.write("BEGIN;\n")

    def copy(table, columns, not_null, rows):
        options = "FORMAT csv" + (f", FORCE_NOT_NULL ({', '.join(not_null)})" if not_null else "")
        out.write(f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH ({options});\n")
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
        out.write("\\.\n")
        print(f"{table}: {count:,} rows", file=sys.stderr)

    loaded = []
    for file, table, columns, not_null in TABLES:
        path = os.path.join(folder, file)
        if not os.path.exists(path) or (table == "stage_changes" and not exists):
            continue
        loaded.append(table)
        with open(path, encoding="utf-8", newline="") as f:
            rows = csv.reader(f)
            next(rows)
            if table == "staff":
                copy(table, columns, not_null, (r[:4] + ["1" if r[4] == "yes" else "0"] for r in rows))
            elif table == "visits":
                # The visits, then their attendees from a second pass.
                copy(table, columns, not_null, (r[:6] + r[7:] for r in rows))
                f.seek(0)
                rows = csv.reader(f)
                next(rows)
                copy("visit_attendees", ["visit_id", "staff_id"], [],
                     ([r[0], person] for r in rows for person in dict.fromkeys(r[6].split())))
            else:
                copy(table, columns, not_null, rows)
    loaded.append("visit_attendees")
    out.write(f"COMMIT;\nANALYZE {', '.join(loaded)};\n")
    out.close()
    sys.exit(psql.wait())


if __name__ == "__main__":
    main()
