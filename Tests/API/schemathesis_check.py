#!/usr/bin/env python3
"""Schemathesis (from PyPI) against the board's served OpenAPI document: no server error, no answer that breaks the
schema (status codes, content types, headers, bodies), signed in as a coordinator (who may read every route) and
as nobody.

    schemathesis_check.py TIAOQI FOLDER ST

ST is schemathesis's `st` command (scripts/ensure-deps --tests installs it into .venv-test)."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from board_http import Board  # noqa: E402

tiaoqi, folder, st = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
board = Board(tiaoqi, folder).start()
checks = ",".join([
    "not_a_server_error", "status_code_conformance", "content_type_conformance", "response_headers_conformance",
    "response_schema_conformance",
])
failed = 0
try:
    cookie = board.sign_in("coordinator")[0]
    for label, headers in (("as a coordinator", ["-H", "Cookie: " + cookie]), ("as nobody", [])):
        print("schemathesis %s:" % label, flush=True)
        run = subprocess.run(
            [st, "run", board.url + "/openapi.json", "--checks", checks, "--max-examples", "40", "--seed", "1",
             "--workers", "1", "--request-timeout", "10", "--wait-for-schema", "10"] + headers,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=folder,
            env=dict(os.environ, NO_COLOR="1", SCHEMATHESIS_HOOKS=""))
        print(run.stdout, flush=True)
        failed += run.returncode != 0
finally:
    board.stop()
sys.exit(1 if failed else 0)
