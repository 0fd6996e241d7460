#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Benchmark: the bot's wall time, Jira calls and peak memory over a realistic Jira portfolio.

For each size (products × issues per product) it writes a portfolio — per project meetings of
the steering and coordination groups (labelled as the governance profile's checks expect),
development requests, bugs and tasks over years of history with about 15 % touched in the last
60 days, the signed agreement (and the operations agreement with joint operations), 8 versions
and a board; a few products fail some checks — as a sandbox seed and as product files. The
sandbox runs in its own process with latency added to every request; each command (`check`,
`plan`, `apply`, `apply` again) runs in its own child process of the bot, so its peak RSS is
the bot's alone. Jira calls are counted by the sandbox, by endpoint. Beside each size: the
calls of a naive per-product, per-check bot (plain `requests`, pages of 100, every matching
issue read), made for real against the same sandbox. Nothing is asserted.

Run from the repository root:
    .venv/bin/python scripts/bench.py                                # 3/30/200 × 50/5000
    .venv/bin/python scripts/bench.py --sizes 30x5000 --commands check
    .venv/bin/python scripts/bench.py --bot-python ../wt-other/.venv/bin/python   # another checkout

The sandbox always comes from this checkout; the bot from whichever Python --bot-python
names (its `os2bot` package). GitHub's calls are measured by scripts/bench_calls.py.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import yaml

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "config"
# The bot (with the sandbox's credentials), the coordinator and the secretariat: the demo's.
_DEMO_USERS = {
    user["name"]: user
    for user in yaml.safe_load((CONFIG / "demo" / "jira.yaml").read_text("utf-8"))["users"]
}
BOT, PERSON, SECRETARIAT = (_DEMO_USERS[n] for n in ("os2bot", "mette.kg", "sekretariatet"))
MINIMUM = ["vedligehold", "governancekrav", "koordinationsgruppe", "videndeling"]
MINIMUM += ["leverandoerdialog", "promovering"]
FURTHER = ["prioritering", "bestilling", "arkitektur"]
JOINT = ["driftsaftale", "release", "leverandoerstyring"]
PHASES = ["udvikling", "implementering", "raadgivning", "projektledelse", "faellesskab"]
DEFAULT_SIZES = "3x50,30x50,200x50,3x5000,30x5000,200x5000"
NAIVE_FIELDS = "summary,labels,status,created,updated,resolutiondate"


# ------------------------------------------------------------------------------ portfolio


# Which products fail what: those whose number ends in this digit (promotion: number % 7).
KG_STOPPED, LATE_VERSION, SG_STOPPED, IDLE, UNFUNDED = 3, 6, 7, 8, 5


@dataclass(frozen=True)
class Failing:
    """What a product gets wrong, by its number (a few of each, deterministic)."""

    kg_stopped: bool  # the coordination group last met 150 days ago
    sg_stopped: bool  # the steering group last met 200 days ago
    late_version: bool  # a version past its release date
    idle: bool  # nobody touched the project in the last 60 days
    unfunded: bool  # the agreement does not fund promotion

    @classmethod
    def of(cls, number: int) -> Failing:
        """What product *number* gets wrong."""
        digit = number % 10
        return cls(
            kg_stopped=digit == KG_STOPPED,
            sg_stopped=digit == SG_STOPPED,
            late_version=digit == LATE_VERSION,
            idle=digit == IDLE,
            unfunded=number % 7 == UNFUNDED,
        )


def extensions(number: int) -> list[str]:
    """Joint operations for every third product, further development for two in three."""
    return [["videreudvikling", "faelles_drift"], ["videreudvikling"], []][number % 3]


def project_key(number: int) -> str:
    """The Jira project key of product *number*."""
    return f"B{number:03d}"


def issues_of(number: int, size: int) -> list[dict[str, Any]]:
    """The seed issues of product *number*'s project: *size* issues, grouped by `count`."""
    key = project_key(number)
    failing = Failing.of(number)
    span = 365 if size <= 200 else 6 * 365  # noqa: PLR2004 - days of history
    issues: list[dict[str, Any]] = [
        {
            "project": key,
            "summary": "Tilslutningsaftale (underskrevet)",
            "labels": ["tilslutningsaftale"],
            "created": f"-{span}d",
            "resolved": f"-{span - 5}d",
        }
    ]
    if "faelles_drift" in extensions(number):
        issues.append(
            {
                "project": key,
                "summary": "Driftsaftale",
                "labels": ["driftsaftale"],
                "created": f"-{span - 10}d",
                "resolved": f"-{span - 12}d",
            }
        )
    meetings = (
        ("styregruppemøde", "Styregruppemøde", 91, 200 if failing.sg_stopped else 30),
        (
            "koordinationsgruppemøde",
            "Koordinationsgruppemøde",
            45,
            150 if failing.kg_stopped else 20,
        ),
    )
    issues += [
        {
            "project": key,
            "summary": f"{title} ({day} dage siden)",
            "labels": [label],
            "created": f"-{day + 14}d",
            "resolved": f"-{day}d 15:00",
        }
        for label, title, every, newest in meetings
        for day in range(newest, span, every)
    ]
    rest = max(0, size - len(issues))
    recent = 0 if failing.idle else round(rest * 0.15)
    old = rest - recent
    issues += _bucketed(key, recent, 12, lambda n: (f"-{n * 5 + 70}d", f"-{n * 5 + 1}d"))
    step = max(1, (span - 90) // 40)
    issues += _bucketed(
        key, old, 40, lambda n: (f"-{span - n * step}d", f"-{span - n * step - 3}d")
    )
    return issues


def _bucketed(key: str, total: int, buckets: int, dates: Any) -> list[dict[str, Any]]:
    """*total* issues in *buckets* groups of alike issues (a request, a bug, a task each)."""
    made: list[dict[str, Any]] = []
    for bucket in range(buckets):
        count = total // buckets + (1 if bucket < total % buckets else 0)
        created, updated = dates(bucket)
        kinds: tuple[tuple[str, str, list[str], int], ...] = (
            ("Story", "Udviklingsønske", ["udviklingsønske"], count * 25 // 100),
            ("Bug", "Fejl", [], count * 35 // 100),
        )
        left = count - sum(k[3] for k in kinds)
        for issue_type, summary, labels, many in (*kinds, ("Task", "Opgave", [], left)):
            if many <= 0:
                continue
            item: dict[str, Any] = {
                "project": key,
                "type": issue_type,
                "summary": f"{summary} {bucket}",
                "labels": labels,
                "created": created,
                "count": many,
            }
            if bucket % 3 == 0 and issue_type != "Story":  # a third of the history done
                item["resolved"] = updated
            else:
                item["updated"] = updated
            if issue_type == "Story":
                item["votes"] = bucket % 7
            made.append(item)
    return made


def versions_of(number: int) -> list[dict[str, Any]]:
    """8 versions: six released, one due soon (or late), one later."""
    versions: list[dict[str, Any]] = [
        {"name": f"1.{n}.0", "release_date": f"-{700 - n * 120}d", "released": True}
        for n in range(6)
    ]
    soon = "-12d" if Failing.of(number).late_version else "+15d"
    versions += [
        {"name": "2.0.0", "release_date": soon},
        {"name": "2.1.0", "release_date": "+120d"},
    ]
    return versions


def seed(products: int, size: int, deployment: str) -> dict[str, Any]:
    """The sandbox seed (Jira and a Slack nobody uses) as plain data."""
    projects = [
        {
            "key": project_key(n),
            "name": f"OS2bench{n}",
            "lead": PERSON["name"],
            "boards": [{"id": 1000 + n, "name": f"{project_key(n)} tavle"}],
            "versions": versions_of(n),
        }
        for n in range(products)
    ]
    projects.append(
        {
            "key": "SEK",
            "name": "OS2-sekretariatet",
            "workflow": [
                {"id": "1", "name": "Åben", "category": "new"},
                {"id": "2", "name": "I gang", "category": "indeterminate"},
                {"id": "3", "name": "Færdig", "category": "done"},
            ],
        }
    )
    return {
        "jira": {
            "deployment": deployment,
            "users": [BOT, PERSON, SECRETARIAT],
            "projects": projects,
            "issues": [issue for n in range(products) for issue in issues_of(n, size)],
        },
        "slack": {"tokens": ["xoxb-bench"]},
    }


def product_file(number: int) -> dict[str, Any]:
    """Product *number*'s file, as config/products/*.yaml holds one."""
    failing = Failing.of(number)
    extended = extensions(number)
    funded = [*MINIMUM, *(FURTHER if "videreudvikling" in extended else [])]
    funded += JOINT if "faelles_drift" in extended else []
    if failing.unfunded:
        funded.remove("promovering")
    return {
        "key": f"os2b{number:03d}",
        "name": f"OS2bench{number}",
        "phase": "drift",
        "level": "2",
        "jira": {"project": project_key(number), "board": 1000 + number},
        "steering_group": {
            "lead": {"name": "Formand", "authority": "Aarhus Kommune"},
            "members": [{"name": "Medlem", "authority": "Vejle Kommune"}],
            "kommissorium": "https://os2.test/sg.pdf",
        },
        "coordination_group": {
            "lead": {"name": PERSON["display_name"], "jira_user": PERSON["account_id"]},
            "members": [{"name": "Medlem", "authority": "Vejle Kommune"}],
            "kommissorium": "https://os2.test/kg.pdf",
        },
        "suppliers": [{"name": "Leverandør A/S", "phases": PHASES}],
        "need": {"mapped": True, "document": "https://os2.test/behov.pdf"},
        "agreement": {
            "signed": "2024-03-01",
            "expires": "2029-02-28",
            "extensions": extended,
            "funded_items": funded,
        },
        "members": [{"name": "Aarhus Kommune", "joined": "2019-01-01", "paid_development": True}],
        "self_assessment": "selvevaluering/os2mo.json",
        "releases": {"enabled": True, "lead_days": 21},
    }


def write_portfolio(root: Path, products: int, size: int, deployment: str, budget: int) -> None:
    """The seed (root/seed.json) and the configuration (root/config) for one size."""
    (root / "seed.json").write_text(json.dumps(seed(products, size, deployment)), "utf-8")
    config = root / "config"
    shutil.copytree(CONFIG / "governance", config / "governance")
    shutil.copytree(CONFIG / "selvevaluering", config / "selvevaluering")
    (config / "products").mkdir()
    bot = {
        "language": "da",
        "timezone": "Europe/Copenhagen",
        "jira": {"url": "http://sandbox", "deployment": deployment, "task_issue_type": "Task"},
        "chat": {"slack": {"enabled": False}, "zulip": {"enabled": False}},
        "secretariat": {
            "jira_project": "SEK",
            "lead": {"name": "Sekretariatet", "jira_user": SECRETARIAT["account_id"]},
        },
        "tasks": {"budget": budget},
    }
    (config / "os2bot.yaml").write_text(yaml.safe_dump(bot, allow_unicode=True), "utf-8")
    for n in range(products):
        text = yaml.safe_dump(product_file(n), allow_unicode=True, sort_keys=False)
        (config / "products" / f"os2b{n:03d}.yaml").write_text(text, "utf-8")


# -------------------------------------------------------------------------------- sandbox


def serve(seed_file: Path, latency: float) -> None:
    """The sandbox process: build from *seed_file*, say where it listens, serve until killed."""
    sys.path.insert(0, str(REPO))
    from os2bot.sandbox import Sandbox  # noqa: PLC0415 - this checkout's sandbox
    from os2bot.sandbox.seed import GitHubSeed, JiraSeed, SeedData, SlackSeed  # noqa: PLC0415

    started = time.perf_counter()
    data = json.loads(seed_file.read_text("utf-8"))
    seeded = SeedData(
        jira=JiraSeed.model_validate(data["jira"]),
        slack=SlackSeed.model_validate(data["slack"]),
        github=GitHubSeed(),
    )
    sandbox = Sandbox(seeded, latency=latency, keep_bodies=False)
    built = time.perf_counter() - started
    print(f"URL {sandbox.url} {len(sandbox.jira.issues)} {built:.1f}", flush=True)
    sandbox.serve_forever()


@dataclass
class Running:
    """A sandbox process and where it listens."""

    process: subprocess.Popen[str]
    url: str
    issues: int
    built: float

    def calls(self) -> dict[str, int]:
        """Calls since the last reset, by endpoint."""
        found: dict[str, int] = requests.get(self.url + "/_sandbox/calls", timeout=60).json()
        return found

    def reset(self) -> None:
        """Forget the calls so far."""
        requests.delete(self.url + "/_sandbox/calls", timeout=60)

    def stop(self) -> None:
        """End the process."""
        self.process.terminate()
        self.process.wait(timeout=30)


def start_sandbox(seed_file: Path, latency: float) -> Running:
    """The sandbox in its own process."""
    process = subprocess.Popen(  # noqa: S603 - this script, by its own path
        [sys.executable, __file__, "_sandbox", str(seed_file), str(latency)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None  # noqa: S101
    line = process.stdout.readline().split()
    if not line or line[0] != "URL":
        process.kill()
        raise SystemExit("the sandbox did not start")
    return Running(process, line[1], int(line[2]), float(line[3]))


# ----------------------------------------------------------------------------- the bot


@dataclass
class Measured:
    """One command's run."""

    command: str
    seconds: float
    calls: dict[str, int]
    rss_mb: float
    status: int
    cpu: float = 0.0  # the bot's own CPU seconds (user + system): the rest of wall is waiting
    tail: str = ""

    @property
    def total(self) -> int:
        """Every Jira call."""
        return sum(self.calls.values())


def run_bot(python: str, command: str, root: Path, sandbox: Running, timeout: float) -> Measured:
    """One bot command in its own process; its wall time, peak RSS and the sandbox's count."""
    env = {
        **os.environ,
        "OS2BOT_CONFIG": str(root / "config"),
        "OS2BOT_STATE": str(root / "state.sqlite3"),
        "OS2BOT_JIRA_URL": sandbox.url,
        "OS2BOT_JIRA_EMAIL": BOT["email"],
        "OS2BOT_JIRA_TOKEN": BOT["api_token"],
        "OS2BOT_JIRA_PAT": BOT["pat"],
    }
    for name in ("OS2BOT_SLACK_TOKEN", "OS2BOT_ZULIP_SITE", "OS2BOT_GITHUB_TOKEN"):
        env.pop(name, None)
    sandbox.reset()
    out = root / f"{command}.out"
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(  # noqa: S603 - the Python the user named
            [python, "-m", "os2bot", command],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=root,
        )
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    tail = out.read_text("utf-8", errors="replace").strip().splitlines()[-3:]
    return Measured(
        command,
        seconds,
        sandbox.calls(),
        usage.ru_maxrss / 1024,
        process.returncode,
        tail=" | ".join(tail),
        cpu=usage.ru_utime + usage.ru_stime,
    )


# ---------------------------------------------------------------------- naive baseline


@dataclass
class Naive:
    """A straightforward bot: per product, per check, its own paged search of every issue."""

    url: str
    deployment: str
    session: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self) -> None:
        """Authenticate as the bot."""
        if self.deployment == "cloud":
            self.session.auth = (BOT["email"], BOT["api_token"])
        else:
            self.session.headers["Authorization"] = f"Bearer {BOT['pat']}"

    def search(self, jql: str) -> int:
        """Every issue *jql* finds, page by page (100 a page); how many."""
        found, token, start = 0, None, 0
        while True:
            params: dict[str, Any] = {"jql": jql, "fields": NAIVE_FIELDS, "maxResults": 100}
            if self.deployment == "cloud":
                if token:
                    params["nextPageToken"] = token
                body = self._get("/rest/api/2/search/jql", params)
            else:
                params["startAt"] = start
                body = self._get("/rest/api/2/search", params)
            found += len(body["issues"])
            start += len(body["issues"])
            if self.deployment == "cloud":
                token = body.get("nextPageToken")
                if body.get("isLast", True) or not token:
                    return found
            elif start >= body["total"] or not body["issues"]:
                return found

    def _get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        response = self.session.get(self.url + path, params=params, timeout=300)
        response.raise_for_status()
        return response.json()

    def run(self, config: Path) -> None:
        """Judge every product of *config* the naive way (the reads only)."""
        profile = yaml.safe_load((config / "governance" / "tilslutningsaftale.yaml").read_text())
        for path in sorted((config / "products").glob("*.yaml")):
            product = yaml.safe_load(path.read_text("utf-8"))
            key = product["jira"]["project"]
            extended = set(product["agreement"].get("extensions") or [])
            for check in profile["checks"]:
                extension = (check.get("applies") or {}).get("extension")
                if extension and extension not in extended:
                    continue
                for evidence in _evidence(check):
                    if evidence["kind"] == "jql":
                        self.search(f"project = {key} AND ({evidence['jql']})")
                    elif evidence["kind"] == "activity":
                        days = evidence["updated_within_days"]
                        self.search(f"project = {key} AND updated >= -{days}d")
            self._get(f"/rest/api/2/project/{key}/versions")
            self._get("/rest/agile/1.0/board", {"projectKeyOrId": key})


def _evidence(check: dict[str, Any]) -> list[dict[str, Any]]:
    """A check's evidence blocks: its own, its `also`s, and a funding item's trace."""
    blocks = [check["evidence"], *(check.get("also") or [])]
    return blocks + [b["trace"] for b in blocks if isinstance(b.get("trace"), dict)]


# --------------------------------------------------------------------------------- table


def endpoint_summary(calls: dict[str, int]) -> str:
    """The calls by endpoint, largest first, shortened."""
    short = {
        name.replace("/rest/api/2/", "").replace("/rest/agile/1.0/", "agile/"): count
        for name, count in calls.items()
    }
    return ", ".join(f"{n} {c}" for n, c in sorted(short.items(), key=lambda kv: -kv[1]))


def measure(args: argparse.Namespace, products: int, size: int) -> list[str]:
    """Every command for one size; the table's rows."""
    rows: list[str] = []
    with tempfile.TemporaryDirectory(prefix=f"os2bot-bench-{products}x{size}-") as tmp:
        root = Path(tmp)
        write_portfolio(root, products, size, args.deployment, args.budget)
        sandbox = start_sandbox(root / "seed.json", args.latency)
        print(
            f"# {products} × {size}: sandbox {sandbox.issues} issues, built in "
            f"{sandbox.built:.1f} s",
            file=sys.stderr,
            flush=True,
        )
        try:
            naive = "-"
            if not args.no_baseline:
                sandbox.reset()
                started = time.perf_counter()
                Naive(sandbox.url, args.deployment).run(root / "config")
                naive_calls = sandbox.calls()
                naive = f"{sum(naive_calls.values())}"
                print(
                    f"#   naive: {naive} calls in {time.perf_counter() - started:.1f} s "
                    f"({endpoint_summary(naive_calls)})",
                    file=sys.stderr,
                    flush=True,
                )
            applied = 0
            for command in args.commands:
                done = run_bot(args.bot_python, command, root, sandbox, args.timeout)
                label = command
                if command == "apply":
                    label = "apply, again" if applied else "apply, first"
                    applied += 1
                # The naive bot only reads what judging needs: beside `check` alone.
                beside = naive if command == "check" else ""
                status = "" if done.status in (0, 1) else f" (exit {done.status}: {done.tail})"
                row = (
                    f"| {products} × {size:,} | {label} | {done.seconds:.1f} s | {done.total:,} | "
                    f"{beside} | {endpoint_summary(done.calls)} | {done.rss_mb:.0f} MB "
                    f"| {done.cpu:.1f} s |{status}"
                )
                rows.append(row)
                print(row, flush=True)
        finally:
            sandbox.stop()
    return rows


def main() -> None:
    """Parse the arguments and measure each size."""
    if len(sys.argv) == 4 and sys.argv[1] == "_sandbox":  # noqa: PLR2004 - the sandbox process
        serve(Path(sys.argv[2]), float(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"e.g. 30x5000 ({DEFAULT_SIZES})")
    parser.add_argument(
        "--commands",
        default="check,plan,apply,apply",
        help="comma-separated: check, plan, apply (twice: first and again)",
    )
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per request")
    parser.add_argument("--deployment", choices=["cloud", "datacenter"], default="cloud")
    parser.add_argument(
        "--bot-python",
        default=sys.executable,
        help="the Python whose os2bot package is measured (default: this one)",
    )
    parser.add_argument("--budget", type=int, default=5000, help="the bot's writes per run")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per command")
    parser.add_argument("--no-baseline", action="store_true", help="skip the naive bot")
    args = parser.parse_args()
    args.commands = [c.strip() for c in args.commands.split(",") if c.strip()]
    sizes = [tuple(int(n) for n in s.split("x")) for s in args.sizes.split(",") if s.strip()]
    print(
        "| products × issues | command | wall | Jira calls | naive bot's calls (check) "
        "| calls by endpoint | bot peak RSS | bot CPU |"
    )
    print("|---|---|---|---|---|---|---|---|", flush=True)
    for products, size in sizes:
        measure(args, products, size)


if __name__ == "__main__":
    main()
