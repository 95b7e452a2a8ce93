"""The browser tests' harness: Debian's Chromium driven by Playwright (sync API), flows, screenshots, failures.

A flow is a function decorated with `@flow("name")` taking a `Run`; it opens browser contexts with `run.context(...)`
(each its own cookies), visits pages with `run.visit(page, path, label)` or `run.sign_in(...)` (each visit saves a
PNG in the artifacts folder) and states what it expects with `run.expect(condition, message)` or the helpers below.
A failed expectation stops its flow, saves a screenshot of the page it was on and is reported; the other flows still
run. `main()` in board_flows.py runs them all and exits 1 when any failed.
"""

import itertools
import json
import os
import re
import sys
import traceback
from dataclasses import dataclass, field
from typing import Callable

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = os.environ.get("TIAOQI_CHROMIUM", "/usr/bin/chromium")

FLOWS: list[tuple[str, Callable[["Run"], None]]] = []

SHOT_NUMBERS = itertools.count(1)


def flow(name: str):
    """Registers a flow under `name` (letters, digits and dashes: it starts its screenshots' file names)."""

    def register(function):
        FLOWS.append((name, function))
        return function

    return register


class Failed(Exception):
    """An expectation that did not hold."""


@dataclass
class Run:
    """One flow's run: the board's address, the scenario (accounts, teams, catalogue texts), the artifacts folder."""

    base_url: str
    scenario: dict
    artifacts: str
    browser: Browser
    flow_name: str
    shots: list[str] = field(default_factory=list)
    contexts: list[BrowserContext] = field(default_factory=list)
    last_page: Page | None = None

    # Contexts and pages.

    def context(self, language: str) -> BrowserContext:
        """A new browser context (its own cookies) whose browser asks for `language` ("zh" or "en")."""
        locale = {"zh": "zh-CN", "en": "en-US"}[language]
        context = self.browser.new_context(
            locale=locale,
            extra_http_headers={"Accept-Language": f"{locale},{language};q=0.9"},
            viewport={"width": 1200, "height": 800},
        )
        context.set_default_timeout(10_000)
        self.contexts.append(context)
        return context

    def visit(self, page: Page, path: str, label: str, status: int = 200):
        """Opens `path` on the board, expects the HTTP status of the answer it lands on, and saves a screenshot."""
        response = page.goto(self.base_url + path)
        self.last_page = page
        self.shot(page, label)
        self.expect(response is not None, f"no answer for {path}")
        self.expect(response.status == status, f"{path} answered {response.status}, expected {status}")
        return response

    def sign_in(self, page: Page, account: dict, label: str, status: int = 200):
        """Signs in on /login with the account's id and password (the form, as a person would) and saves a
        screenshot of the login form and of the page the browser lands on."""
        self.visit(page, "/login", f"{label}-login")
        page.fill("input[name=id]", account["id"])
        page.fill("input[name=password]", account["password"])
        with page.expect_navigation() as navigation:
            page.click("button[type=submit]")
        response = navigation.value
        self.last_page = page
        self.shot(page, label)
        self.expect(response is not None, "no answer to the login form")
        self.expect(response.status == status, f"the login form answered {response.status}, expected {status}")
        return response

    def shot(self, page: Page, label: str):
        """Saves a full-page PNG of `page` as NN-FLOW-LABEL.png."""
        name = f"{next(SHOT_NUMBERS):02d}-{self.flow_name}-{re.sub(r'[^A-Za-z0-9-]', '-', label)}.png"
        page.screenshot(path=os.path.join(self.artifacts, name), full_page=True)
        self.shots.append(name)

    # Expectations.

    def expect(self, condition: bool, message: str):
        """Fails the flow with `message` unless `condition` holds."""
        if not condition:
            raise Failed(message)

    def expect_path(self, page: Page, path: str):
        """Expects the page's address to be `path` on the board."""
        actual = page.url.removeprefix(self.base_url)
        self.expect(actual == path, f"expected to be at {path}, at {actual}")

    def expect_text(self, page: Page, selector: str, wanted: str):
        """Expects the first element matching `selector` to contain `wanted` in its textContent."""
        element = page.query_selector(selector)
        self.expect(element is not None, f"no {selector} on {page.url}")
        text = element.text_content() or ""
        self.expect(wanted in text, f"{selector} on {page.url} reads {text!r}, expected it to contain {wanted!r}")

    def expect_language(self, page: Page, language: str):
        """Expects <html lang> to say `language`."""
        lang = page.get_attribute("html", "lang") or ""
        self.expect(lang.startswith(language), f"<html lang> on {page.url} is {lang!r}, expected {language}")

    def close(self):
        for context in self.contexts:
            context.close()


def run_flows(base_url: str, scenario: dict, artifacts: str, only: list[str]) -> int:
    """Runs the registered flows (those named in `only`, if any) in one headless Chromium; prints a line per flow and
    returns the number that failed."""
    os.makedirs(artifacts, exist_ok=True)
    chosen = [(name, function) for name, function in FLOWS if not only or name in only]
    unknown = set(only) - {name for name, _ in FLOWS}
    if unknown:
        print(f"browser: no flow named {', '.join(sorted(unknown))}", file=sys.stderr)
        return 1
    failures = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for name, function in chosen:
                run = Run(base_url=base_url.rstrip("/"), scenario=scenario, artifacts=artifacts, browser=browser,
                          flow_name=name)
                try:
                    function(run)
                    print(f"ok    {name} ({len(run.shots)} screenshots)")
                except Exception as error:  # a failed expectation, or Playwright's own (a timeout, a crash)
                    failures += 1
                    if run.last_page is not None and not run.last_page.is_closed():
                        try:
                            run.shot(run.last_page, "FAILED")
                        except Exception:
                            pass
                    detail = str(error) if isinstance(error, Failed) else traceback.format_exc()
                    print(f"FAIL  {name}: {detail}", file=sys.stderr)
                finally:
                    run.close()
        finally:
            browser.close()
    return failures


def load_scenario(path: str) -> dict:
    with open(path, encoding="utf-8") as file:
        return json.load(file)
