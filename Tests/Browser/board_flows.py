"""The shared board (`tiaoqi serve`) in a real browser: Debian's headless Chromium driven by Playwright.

    .venv-test/bin/python Tests/Browser/board_flows.py --base-url http://127.0.0.1:PORT \\
        --scenario SCENARIO.json --artifacts artifacts/browser/NAME [--flow NAME ...]

(or TIAOQI_BOARD_URL, TIAOQI_BOARD_SCENARIO and TIAOQI_BROWSER_ARTIFACTS in the environment). The scenario is JSON:
the accounts to sign in with (`officer`, `coordinator`, `hostile`: each `id`, `password`, `name`), the teams whose
weeks are published (`teams`: `id`, `name`; `officer_team`: the officer's), the week (`week`: its first day), the
text of the hostile account's name (`hostile_texts`), the hostile company, project, note and next step on the pipeline
(`hostile_data`) and the catalogue's sentences the pages must show (`text`, by
language). BrowserTests.swift writes it from the store it makes and the message catalogue. Every page a flow visits
is saved as a PNG in the artifacts folder; any failed expectation is printed and the exit status is 1.

To add a flow: a function `@flow("name")` taking a `Run` (see harness.py), and what it needs in the scenario.
"""

import argparse
import json
import os
import subprocess
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Failed, Run, flow, load_scenario, run_flows  # noqa: E402


def rows(page, selector="#weeks tbody tr") -> list[str]:
    """The textContent of each row of the board's table of weeks (or of the rows `selector` names)."""
    return [row.text_content() or "" for row in page.query_selector_all(selector)]


def expect_nothing_ran(run: Run, page, console: list[str], made_from: str, selectors: list[str]):
    """Expects markup shown on `page` to have stayed text: `window.__xss` unset, no element of `selectors` made from it,
    and nothing the page's Content Security Policy had to stop (in `console`)."""
    run.expect(page.evaluate("typeof window.__xss") == "undefined", f"window.__xss is set: {made_from}'s markup ran")
    for selector in selectors:
        made = page.evaluate(f"document.querySelectorAll('{selector}').length")
        run.expect(made == 0, f"{made} {selector} elements were made from {made_from}")
    blocked = [line for line in console if "Content Security Policy" in line]
    run.expect(not blocked, f"the page tried to run or load something (CSP): {blocked}")


@flow("officer-week")
def officer_sees_their_team_week(run: Run):
    """An officer signs in on the Chinese page and lands on their team's week; the board is not theirs."""
    officer = run.scenario["accounts"]["officer"]
    team = run.scenario["officer_team"]
    zh = run.scenario["text"]["zh"]
    page = run.context("zh").new_page()
    run.sign_in(page, officer, "signed-in")
    run.expect_path(page, "/week")
    run.expect_language(page, "zh")
    run.expect_text(page, "h1", zh["officer_week_title"])
    run.expect_text(page, "header", zh["officer_signed_in"])
    weeks = rows(page, "nav.pages strong, nav.pages a[href^='/week']")
    run.expect(len(weeks) == 1 and run.scenario["week"] in weeks[0],
               f"the officer's week page links {weeks}, expected the one week {run.scenario['week']} of {team['id']}")
    run.expect(page.query_selector("#published") is not None, "the officer's week shows no published version")
    run.expect(page.query_selector("#tickets tbody tr") is not None, "the officer's week lists no tickets")
    run.visit(page, "/board", "board-refused", status=403)
    run.expect_text(page, "main", zh["forbidden"])


@flow("coordinator-board")
def coordinator_sees_every_team_in_a_second_context(run: Run):
    """While an officer is signed in in one context, a coordinator signs in in another (its own cookies) and sees
    every team's week on the board; the officer's context stays the officer's."""
    accounts = run.scenario["accounts"]
    zh = run.scenario["text"]["zh"]
    officer_context = run.context("zh")
    officer_page = officer_context.new_page()
    run.sign_in(officer_page, accounts["officer"], "officer-signed-in")
    run.expect_path(officer_page, "/week")

    coordinator_context = run.context("zh")
    page = coordinator_context.new_page()
    run.sign_in(page, accounts["coordinator"], "coordinator-signed-in")
    run.expect_path(page, "/board")
    run.expect_text(page, "h1", zh["board_title"])
    run.expect_text(page, "header", zh["coordinator_signed_in"])
    found = rows(page)
    teams = run.scenario["teams"]
    run.expect(len(found) == len(teams), f"the board lists {len(found)} weeks, expected {len(teams)}: {found}")
    for team in teams:
        label = f"{team['name']} ({team['id']})"
        run.expect(any(label in row and run.scenario["week"] in row for row in found),
                   f"the board has no row for {label} in the week of {run.scenario['week']}: {found}")

    session = "tiaoqi_session"
    mine = {c["value"] for c in coordinator_context.cookies() if c["name"] == session}
    theirs = {c["value"] for c in officer_context.cookies() if c["name"] == session}
    run.expect(len(mine) == 1 and len(theirs) == 1 and mine != theirs,
               "the two contexts do not each hold their own session cookie")
    run.visit(officer_page, "/week", "officer-still-signed-in")
    run.expect_text(officer_page, "header", zh["officer_signed_in"])


@flow("wrong-password")
def a_wrong_password_is_refused_with_the_failure_message(run: Run):
    """A wrong password stays on the login page (401) with the catalogue's failure sentence, and signs nobody in."""
    officer = run.scenario["accounts"]["officer"]
    zh = run.scenario["text"]["zh"]
    context = run.context("zh")
    page = context.new_page()
    run.sign_in(page, {"id": officer["id"], "password": officer["password"] + "-wrong"}, "refused", status=401)
    run.expect_path(page, "/login")
    run.expect_text(page, "p.error", zh["login_failed"])
    run.expect(not [c for c in context.cookies() if c["name"] == "tiaoqi_session" and c["value"]],
               "a session cookie was set after a wrong password")
    run.visit(page, "/week", "still-signed-out")
    run.expect_path(page, "/login")


@flow("hostile-name")
def a_hostile_account_name_is_shown_as_text(run: Run):
    """An account whose name is markup (an <img onerror> and a <script>) sees its name as text in the header: nothing
    runs, no element is made from it."""
    hostile = run.scenario["accounts"]["hostile"]
    context = run.context("zh")
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    run.sign_in(page, hostile, "signed-in")
    run.expect_path(page, "/week")
    header = page.text_content("header") or ""
    for text in run.scenario["hostile_texts"]:
        run.expect(text in header, f"the header does not show {text!r} as text: {header!r}")
    expect_nothing_ran(run, page, console, "the name", ['img[src="x"]', "script"])


@flow("hostile-data")
def hostile_company_project_and_note_are_shown_as_text(run: Run):
    """A company name, a project title, a visit's note and its next step written as markup (`hostile_data`) show on
    the pipeline as text, and a client's name and an own event's summary on the officer's week: nothing runs, no
    element is made from them."""
    context = run.context("zh")
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    run.sign_in(page, run.scenario["accounts"]["coordinator"], "signed-in-coordinator")
    run.visit(page, "/pipeline", "pipeline")
    shown = page.text_content("main") or page.text_content("body") or ""
    for field in ["company", "project", "note", "next"]:
        text = run.scenario["hostile_data"][field]
        run.expect(text in shown, f"the pipeline does not show the {field} {text!r} as text")
    expect_nothing_ran(run, page, console, "the data", ['img[src="x"]', "svg", "iframe", "script"])
    notes = [cell.text_content() or "" for cell in page.query_selector_all("td.note")]
    run.expect(
        any(run.scenario["hostile_data"]["note"] in note for note in notes),
        f"no 'last note' cell holds the logged note: {notes}")
    # The project logged as met online from now on says so in its row.
    online = [row.text_content() or "" for row in page.query_selector_all("tr:has(td.mode-online)")]
    run.expect(
        any(run.scenario["hostile_data"]["project"] in row and run.scenario["text"]["zh"]["meeting_online"] in row for row in online),
        f"the project met online is not shown so: {online}")
    # The officer's week: a client named with markup, and his own meeting summarised with markup, on the timeline.
    week = run.context("zh").new_page()
    week.on("console", lambda message: console.append(message.text))
    run.sign_in(week, run.scenario["accounts"]["officer"], "signed-in-officer")
    run.expect_path(week, "/week")
    text = week.text_content("main") or ""
    for field in ["client", "event"]:
        wanted = run.scenario["hostile_data"][field]
        run.expect(wanted in text, f"the officer's week does not show the {field} {wanted!r} as text")
    run.expect(week.query_selector("#published .block.own") is not None, "his own meetings are not on the timeline")
    expect_nothing_ran(run, week, console, "the data", ['img[src="x"]', "script"])


@flow("move-visit")
def an_officer_moves_a_visit_and_sees_the_verdict_in_the_draft(run: Run):
    """An officer moves the first visit of the week to three in the morning with the page's date-and-time field and
    replans: the draft (nothing published yet) leaves that client out, and says why."""
    zh = run.scenario["text"]["zh"]
    page = run.context("zh").new_page()
    run.sign_in(page, run.scenario["accounts"]["officer"], "signed-in")
    run.expect_path(page, "/week")
    form = page.query_selector("#pins tbody tr form")
    run.expect(form is not None, "the week lists no visit to lock or move")
    row = page.query_selector("#pins tbody tr")
    client = (row.query_selector("td").text_content() or "").rsplit(" (", 1)[0]
    field = form.query_selector("input[name='start']")
    day = (field.get_attribute("value") or "")[:10]
    field.fill(f"{day}T03:00")
    with page.expect_navigation(timeout=90_000):
        form.query_selector("button").click(no_wait_after=True)
    run.shot(page, "moved")
    run.expect_text(page, "#draft h2", zh["draft_heading"])
    draft = page.text_content("#draft") or ""
    run.expect(client in draft, f"the draft does not mention {client}, the visit moved to 03:00")
    run.expect(page.query_selector("#published") is not None, "the published version is gone before accepting")


@flow("language")
def the_browser_language_chooses_the_page_language(run: Run):
    """A browser asking for English gets the English catalogue, one asking for Chinese the Chinese one, before and
    after signing in."""
    coordinator = run.scenario["accounts"]["coordinator"]
    for language in ["en", "zh"]:
        text = run.scenario["text"][language]
        page = run.context(language).new_page()
        run.visit(page, "/login", f"{language}-login")
        run.expect_language(page, language)
        run.expect_text(page, "h1", text["login_title"])
        run.expect_text(page, "button[type=submit]", text["login_submit"])
        run.sign_in(page, coordinator, f"{language}-board")
        run.expect_text(page, "h1", text["board_title"])
        run.expect_text(page, "header", text["sign_out"])


@flow("replan-and-live-clash")
def an_officer_replans_after_a_calendar_change_and_the_board_changes_without_a_reload(run: Run):
    """A coordinator keeps the board open. An officer sees the week, a client's calendar on the loopback feed server
    changes (its meeting day becomes busy), the officer replans, sees the change list and accepts it: version 2 is
    published. Then another team publishes a week that books the same people (from the command line): the new
    clashes appear on the coordinator's board without a reload (server-sent events)."""
    scenario = run.scenario
    zh = scenario["text"]["zh"]
    accounts = scenario["accounts"]
    board = run.context("zh").new_page()
    run.sign_in(board, accounts["coordinator"], "coordinator-board")
    run.expect_path(board, "/board")
    board.evaluate("window.__kept = 1")
    before = int(board.get_attribute("#clashes", "data-generation") or "0")
    clashes = len(board.query_selector_all("#clash-rows tr"))

    week = run.context("zh").new_page()
    run.sign_in(week, accounts["officer"], "officer-week")
    run.expect(week.query_selector("#published") is not None, "the officer sees no published week")
    # nj01's calendar changes on its server: Tuesday 2022-03-08, the day of its visit, is now busy all day.
    with urllib.request.urlopen(scenario["feed_server"] + "/control/mode?path=/feed/nj01.ics&mode=busy-20220308") as r:
        run.expect(r.status == 200, "the feed server did not take the change")
    # Replanning searches on the server's background thread, at the lowest priority (so that the board stays quick
    # under load): on a machine busy with other work it may take far longer than a page, so it gets a minute.
    with week.expect_navigation(timeout=90_000):
        week.click("form[action='/week/replan'] button", no_wait_after=True)
    run.shot(week, "replanned")
    run.expect_text(week, "#draft h2", zh["draft_heading"])
    changes = rows(week, "#draft ul.changes li")
    run.expect(any("nj01" in change or "南京" in change for change in changes),
               f"the change list does not mention the client whose calendar changed: {changes}")
    with week.expect_navigation():
        week.click("form[action='/week/publish'] button")
    run.shot(week, "published")
    run.expect(week.query_selector("#draft") is None, "the draft is still there after publishing")
    run.expect_text(week, "#published h2", "2")

    # Another team publishes a week (from the command line, not planned around the others) that courts yunlong's
    # companies on the same days with the same people.
    crafted = os.path.join(scenario["folder"], "plans", "crafted")
    os.makedirs(crafted, exist_ok=True)
    with open(os.path.join(scenario["folder"], "plans", "yunlong", "plan.json"), encoding="utf-8") as source:
        plan = json.load(source)
    plan["team"] = scenario["tongshan_name"]
    plan["published_version"] = 1
    with open(os.path.join(crafted, "plan.json"), "w", encoding="utf-8") as out:
        json.dump(plan, out, ensure_ascii=False)
    published = subprocess.run([scenario["tiaoqi"], "publish", os.path.join(crafted, "plan.json"), "--db",
                                scenario["db"], "--lang", "en"], capture_output=True, text=True)
    run.expect(published.returncode == 0, f"tiaoqi publish failed: {published.stderr}")
    try:
        board.wait_for_function(
            "([before, clashes]) => Number(document.getElementById('clashes').dataset.generation) > before"
            " && [...document.querySelectorAll('#clash-rows tr')].some(row => row.textContent.includes('tongshan'))"
            " && document.querySelectorAll('#clash-rows tr').length > clashes",
            arg=[before, clashes], timeout=20_000)
    except Exception:
        run.shot(board, "board-not-updated")
        raise Failed("the board did not show the new clashes within 20 s")
    run.shot(board, "board-updated")
    run.expect(board.evaluate("window.__kept") == 1, "the board page was reloaded")
    kinds = {row.get_attribute("data-kind") for row in board.query_selector_all("#clash-rows tr")}
    run.expect("same-company-day" in kinds, f"the new clashes are not of the kind expected: {kinds}")


def main() -> int:
    parser = argparse.ArgumentParser(description="Browser tests of the shared board (tiaoqi serve).")
    parser.add_argument("--base-url", default=os.environ.get("TIAOQI_BOARD_URL"))
    parser.add_argument("--scenario", default=os.environ.get("TIAOQI_BOARD_SCENARIO"))
    parser.add_argument("--artifacts", default=os.environ.get("TIAOQI_BROWSER_ARTIFACTS"))
    parser.add_argument("--flow", action="append", default=[], help="run only this flow (repeatable)")
    arguments = parser.parse_args()
    missing = [name for name in ["base_url", "scenario", "artifacts"] if not getattr(arguments, name)]
    if missing:
        parser.error("missing " + ", ".join("--" + name.replace("_", "-") for name in missing))
    failures = run_flows(arguments.base_url, load_scenario(arguments.scenario), arguments.artifacts, arguments.flow)
    if failures:
        print(f"browser: {failures} flow(s) failed; screenshots in {arguments.artifacts}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
