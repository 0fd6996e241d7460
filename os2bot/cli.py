# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Command line: demo, sandbox serve, check, plan, apply, config validate."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import signal
import sys
import tempfile
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

import structlog
from pydantic import ValidationError

from os2bot import __version__
from os2bot.config import Config, ConfigError, default_config_dir, load_config
from os2bot.domain import State
from os2bot.log import configure_logging
from os2bot.messages import Language, text
from os2bot.ports import (
    Chat,
    ChatError,
    ChatMessage,
    Tracker,
    TrackerError,
)
from os2bot.report.output import print_report, write_report
from os2bot.runner import record_of
from os2bot.service import Mode, RunReport, run_once
from os2bot.settings import Settings
from os2bot.state import Busy, RunLock, SqliteState

log = structlog.get_logger(__name__)

EXIT_OK, EXIT_NOT_MET, EXIT_CONFIG, EXIT_UNREACHABLE = 0, 1, 2, 3


@dataclass
class Context:
    """What every command gets: output stream, language, settings."""

    out: TextIO
    language: Language
    settings: Settings
    config_dir: Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="os2bot",
        description="OS2's governance bot: judges each product's affiliation-agreement "
        "prerequisites from Jira, opens the tasks the governance model calls for, "
        "and posts status to chat.",
    )
    parser.add_argument("--version", action="version", version=f"os2bot {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config", type=Path, help="configuration directory (default ./config or $OS2BOT_CONFIG)"
    )
    common.add_argument("--language", choices=["da", "en"], help="language of the output")
    common.add_argument(
        "--log-level", help="log level (default WARNING; INFO for the service, `run`)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser(
        "demo", parents=[common], help="run the whole flow against the built-in sandbox"
    )
    sandbox = commands.add_parser("sandbox", help="the Jira + Slack sandbox")
    sandbox_commands = sandbox.add_subparsers(dest="sandbox_command", required=True)
    serve = sandbox_commands.add_parser("serve", parents=[common], help="run the sandbox alone")
    serve.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765)")
    serve.add_argument("--data", type=Path, help="seed directory (default <config>/demo)")

    check = commands.add_parser("check", parents=[common], help="judge every product, read-only")
    check.add_argument("--product", help="only this product key, in detail")
    check.add_argument(
        "--format", choices=["table", "json", "markdown"], default="table", help="output format"
    )
    check.add_argument("--stats", action="store_true", help="also print Jira calls by endpoint")
    commands.add_parser("plan", parents=[common], help="print the actions a run would take")
    commands.add_parser(
        "run", parents=[common], help="the service: runs on the configured schedule until SIGTERM"
    )
    report = commands.add_parser(
        "report", parents=[common], help="the secretariat's compliance report, with history"
    )
    report.add_argument(
        "--format", choices=["html", "markdown", "json", "csv"], default="html", help="format"
    )
    report.add_argument("--out", type=Path, help="file (default os2bot-rapport-<date>.<ext>)")
    report.add_argument("--since", help="changes since this date (default 7 days ago)")
    report.add_argument("--product", action="append", help="only these product keys")
    report.add_argument("--phase", choices=["tilsagn", "tilslutning", "drift"], help="only phase")
    report.add_argument("--level", choices=["sandkasse", "1", "2", "3"], help="only level")
    apply = commands.add_parser(
        "apply", parents=[common], help="one run: judge, write Jira, post chat"
    )
    apply.add_argument(
        "--digest", action="store_true", help="also send the secretariat's weekly digest"
    )
    config = commands.add_parser("config", help="configuration")
    config_commands = config.add_subparsers(dest="config_command", required=True)
    config_commands.add_parser("validate", parents=[common], help="load and check every file")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point of the `os2bot` command; returns the exit code."""
    args = _parser().parse_args(argv)
    stream = out or sys.stdout
    configure_logging(level=args.log_level or ("INFO" if args.command == "run" else "WARNING"))
    try:
        settings = Settings()
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        name = "OS2BOT_" + str(error["loc"][0]).upper() if error["loc"] else "OS2BOT_*"
        # The value itself is never shown: it may be a secret.
        print(
            text("cli.bad_environment", args.language or "da", name=name, detail=error["msg"]),
            file=sys.stderr,
        )
        return EXIT_CONFIG
    settings.register_secrets()
    language: Language = args.language or settings.language or "da"
    ctx = Context(
        stream, language, settings, args.config or settings.config or default_config_dir()
    )
    try:
        config = load_config(ctx.config_dir)
    except ConfigError as exc:
        print(text("cli.config_invalid", language), file=sys.stderr)
        print(exc.render(language), file=sys.stderr)
        return EXIT_CONFIG
    if not args.language and not settings.language:
        ctx.language = config.bot.language
    if args.command == "config":
        return _validate(ctx, config)
    if args.command == "sandbox":
        return _serve(ctx, config, args.port, args.data)
    if args.command == "demo":
        return _demo(ctx, config)
    if args.command == "run":
        return _service(ctx, config)
    if args.command == "report":
        return _report(ctx, config, args)
    return _live(
        ctx,
        config,
        Mode(args.command),
        product=getattr(args, "product", None),
        output=getattr(args, "format", "table"),
        stats=getattr(args, "stats", False),
        digest=getattr(args, "digest", False),
    )


# ------------------------------------------------------------------------- commands


def _validate(ctx: Context, config: Config) -> int:
    checks = sum(len(p.checks) for p in config.profiles.values())
    print(
        text(
            "cli.config_ok",
            ctx.language,
            products=len(config.products),
            checks=checks,
            profiles=", ".join(f"{p.id} {p.version}" for p in config.profiles.values()),
        ),
        file=ctx.out,
    )
    return EXIT_OK


def _serve(ctx: Context, config: Config, port: int, data: Path | None) -> int:
    from os2bot.sandbox import Sandbox  # noqa: PLC0415 - only the sandbox commands need it
    from os2bot.sandbox.server import describe, dumps  # noqa: PLC0415

    sandbox = Sandbox(data or config.root / "demo", port=port)
    print(dumps(describe(sandbox)), file=ctx.out, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        sandbox.serve_forever()
    return EXIT_OK


def _secret(ctx: Context, name: str, value: object) -> bool:
    if value:
        return True
    print(text("cli.missing_secret", ctx.language, name=name), file=sys.stderr)
    return False


def _jira_settings_present(ctx: Context, config: Config) -> bool:
    """Jira's URL and the credentials its deployment needs are set; else say which is not."""
    s = ctx.settings
    needed: list[tuple[str, object]] = [("OS2BOT_JIRA_URL", s.jira_url or config.bot.jira.url)]
    if config.bot.jira.deployment == "cloud":
        needed += [("OS2BOT_JIRA_EMAIL", s.jira_email), ("OS2BOT_JIRA_TOKEN", s.jira_token)]
    else:
        needed += [("OS2BOT_JIRA_PAT", s.jira_pat)]
    return all(_secret(ctx, name, value) for name, value in needed)


def _live(
    ctx: Context,
    config: Config,
    mode: Mode,
    *,
    product: str | None = None,
    output: str = "table",
    stats: bool = False,
    digest: bool = False,
) -> int:
    if not _jira_settings_present(ctx, config):
        return EXIT_CONFIG
    if product and product not in {p.key for p in config.products}:
        known = ", ".join(p.key for p in config.products)
        print(
            text("cli.unknown_product", ctx.language, value=product, known=known), file=sys.stderr
        )
        return EXIT_CONFIG
    chats: dict[str, Chat] = {}
    state: SqliteState | None = None
    with ExitStack() as stack:
        if mode is Mode.APPLY:
            # One run at a time, decided before anything is contacted.
            lock = RunLock(ctx.settings.state)
            try:
                lock.acquire()
            except Busy:
                print(text("cli.busy", ctx.language, lock=lock.path), file=sys.stderr)
                return EXIT_UNREACHABLE
            stack.callback(lock.release)
        try:
            tracker = _tracker(ctx, config)
        except TrackerError as exc:  # unreachable, or refused the credentials
            print(text("cli.jira_unreachable", ctx.language, error=exc), file=sys.stderr)
            return EXIT_UNREACHABLE
        if mode is Mode.APPLY:
            chats, state = _chats_and_state(ctx, config, stack)
        started = datetime.now(UTC)
        try:
            report = run_once(
                config,
                tracker,
                now=started,
                language=ctx.language,
                mode=mode,
                chats=chats,
                state=state,
                digest=digest,
            )
            if state is not None:
                state.record_run(record_of(report, started, datetime.now(UTC)))
        except TrackerError as exc:
            print(text("cli.jira_unreachable", ctx.language, error=exc), file=sys.stderr)
            return EXIT_UNREACHABLE
    print_report(ctx.out, config, report, ctx.language, product=product, output=output, stats=stats)
    if report.errors:
        return EXIT_UNREACHABLE
    relevant = [r for r in report.results if product in (None, r.product)]
    settled = {State.MET, State.WAIVED, State.NOT_APPLICABLE}
    return EXIT_OK if all(r.state in settled for r in relevant) else EXIT_NOT_MET


def _chats_and_state(
    ctx: Context, config: Config, stack: ExitStack
) -> tuple[dict[str, Chat], SqliteState]:
    """The chat systems whose secrets are set, and the state database."""
    state = SqliteState(ctx.settings.state)
    stack.callback(state.close)
    return _chats(ctx, config), state


def _chats(ctx: Context, config: Config) -> dict[str, Chat]:
    """The chat systems whose secrets are set in the environment."""
    from os2bot.adapters.slack_chat import SlackChat  # noqa: PLC0415
    from os2bot.adapters.zulip_chat import ZulipChat  # noqa: PLC0415

    s = ctx.settings
    chats: dict[str, Chat] = {}
    if config.bot.chat.slack.enabled and s.slack_token is not None:
        chats["slack"] = SlackChat(s.slack_token.get_secret_value(), base_url=s.slack_api_url)
    if config.bot.chat.zulip.enabled and s.zulip_site and s.zulip_email and s.zulip_api_key:
        try:
            chats["zulip"] = ZulipChat(
                site=s.zulip_site, email=s.zulip_email, api_key=s.zulip_api_key.get_secret_value()
            )
        except ChatError as exc:
            # Zulip down at start: its messages wait in the outbox for the next run.
            print(text("cli.chat_unreachable", ctx.language, error=exc), file=sys.stderr)
    return chats


def _tracker(ctx: Context, config: Config) -> Tracker:
    """The Jira adapter from the environment (raises TrackerError)."""
    from os2bot.adapters.jira_tracker import JiraTracker  # noqa: PLC0415

    s = ctx.settings
    return JiraTracker(
        str(s.jira_url or config.bot.jira.url),
        deployment=config.bot.jira.deployment,
        email=s.jira_email,
        api_token=s.jira_token.get_secret_value() if s.jira_token else None,
        pat=s.jira_pat.get_secret_value() if s.jira_pat else None,
        task_issue_type=config.bot.jira.task_issue_type,
    )


def _service(ctx: Context, config: Config) -> int:
    """`os2bot run`: the scheduler, /healthz and /metrics, until SIGTERM or SIGINT."""
    from os2bot.health import Health, Metrics, serve  # noqa: PLC0415
    from os2bot.runner import Runner  # noqa: PLC0415
    from os2bot.scheduler import build_scheduler, next_apply  # noqa: PLC0415

    if not _jira_settings_present(ctx, config):
        return EXIT_CONFIG
    service = config.bot.service
    metrics = Metrics()
    health = Health(
        next_run=next_apply(config),
        grace=timedelta(seconds=config.bot.schedule.misfire_grace_seconds),
        started=datetime.now(UTC),
    )

    def observe(
        report: RunReport | None,
        outcome: str,
        seconds: float,
        chats: Mapping[str, Chat],
        outbox: int,
    ) -> None:
        metrics.observe(report, outcome, seconds, chats, outbox)
        if outcome in {"ok", "degraded"}:
            health.last_success = datetime.now(UTC)
        elif outcome == "failed":
            health.last_failure, health.last_error = datetime.now(UTC), runner.last_error

    runner = Runner(
        config,
        state_path=ctx.settings.state,
        language=ctx.language,
        connect_tracker=lambda: _tracker(ctx, config),
        connect_chats=lambda: _chats(ctx, config),
        observe=observe,
    )
    host = ctx.settings.service_host or service.host
    server = serve(
        host, service.port, health=health, metrics=metrics, clock=lambda: datetime.now(UTC)
    )
    scheduler = build_scheduler(config, runner.run)
    if config.bot.schedule.run_at_start:
        scheduler.add_job(runner.run, id="start", name="start", kwargs={"digest": False})

    def stop(signum: int, _frame: object) -> None:
        log.info("service.stopping", signal=signal.Signals(signum).name)
        # Waits for a run in progress: it finishes its step and records its history.
        scheduler.shutdown(wait=True)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info(
        "service.started",
        host=host,
        port=server.server_address[1],
        jobs=[job.id for job in scheduler.get_jobs()],
    )
    print(
        text("cli.service_started", ctx.language, port=server.server_address[1]),
        file=ctx.out,
        flush=True,
    )
    scheduler.start()
    server.shutdown()
    log.info("service.stopped")
    return EXIT_OK


def _demo(ctx: Context, config: Config) -> int:
    from os2bot.adapters.console_chat import ConsoleChat  # noqa: PLC0415
    from os2bot.adapters.jira_tracker import JiraTracker  # noqa: PLC0415
    from os2bot.adapters.slack_chat import SlackChat  # noqa: PLC0415
    from os2bot.adapters.zulip_chat import ZulipChat  # noqa: PLC0415
    from os2bot.sandbox import Sandbox  # noqa: PLC0415
    from os2bot.state import SqliteState  # noqa: PLC0415

    out, language = ctx.out, ctx.language
    console = ConsoleChat(out, edited=text("demo.edited", language))
    with Sandbox(config.root / "demo") as sandbox, tempfile.TemporaryDirectory() as tmp:
        seed = sandbox.seed
        user = seed.jira.users[0]
        print(
            text("demo.title", language, url=sandbox.url, deployment=seed.jira.deployment),
            file=out,
        )
        demo_config = _with_deployment(config, seed.jira.deployment)
        state = SqliteState(Path(tmp) / "state.sqlite3")
        chats: dict[str, Chat] = {
            "slack": SlackChat(seed.slack.tokens[0], base_url=sandbox.url + "/api/"),
            "zulip": ZulipChat(
                site=sandbox.url, email=seed.zulip.email, api_key=seed.zulip.api_key
            ),
        }
        created_total = []
        for number in (1, 2):
            tracker: Tracker = JiraTracker(
                sandbox.url,
                deployment=seed.jira.deployment,
                email=user.email,
                api_token=user.api_token,
                pat=user.pat,
                task_issue_type=config.bot.jira.task_issue_type,
            )
            report = run_once(
                demo_config,
                tracker,
                now=datetime.now(UTC),
                language=language,
                mode=Mode.APPLY,
                chats=chats,
                state=state,
                digest=True,  # the secretariat's weekly digest, once per week
            )
            state.record_run(record_of(report, report.started, datetime.now(UTC)))
            print(f"\n=== {text('demo.run', language, number=number)} ===", file=out)
            print_report(out, demo_config, report, language)
            print(f"\n{text('demo.tasks_opened', language)}:", file=out)
            if not report.created:
                print(f"  {text('demo.no_tasks_opened', language)}", file=out)
            for done in report.created:
                print(f"  {done.key}  {done.url}  {done.action.summary}", file=out)
            print(f"\n{text('demo.chat', language)}:", file=out)
            if not report.posted:
                print(f"  {text('demo.no_chat', language)}", file=out)
            for posted in report.posted:
                console.show(posted.target, posted.message, edited=posted.edited)
            print(
                "\n"
                + text(
                    "demo.summary",
                    language,
                    tasks=len(report.created),
                    messages=len(report.posted),
                    calls=sum(report.calls.values()),
                ),
                file=out,
            )
            created_total.append(len(report.created))
        report_path = write_report(language, demo_config, state, jira_url=sandbox.url)
        print("\n" + text("report.written", language, path=report_path.resolve()), file=out)
        state.close()
        if created_total[1]:
            print(text("demo.not_idempotent", language, tasks=created_total[1]), file=out)
            return EXIT_NOT_MET
        print("\n" + text("demo.idempotent", language), file=out)
    return EXIT_OK


def _report(ctx: Context, config: Config, args: argparse.Namespace) -> int:
    """`os2bot report`: from the state database's history, or from a check run without one."""
    state = SqliteState(ctx.settings.state)
    current = None
    if not state.history():
        if not _jira_settings_present(ctx, config):
            return EXIT_CONFIG
        try:
            current = run_once(
                config,
                _tracker(ctx, config),
                now=datetime.now(UTC),
                language=ctx.language,
                mode=Mode.CHECK,
            )
        except TrackerError as exc:
            print(text("cli.jira_unreachable", ctx.language, error=exc), file=sys.stderr)
            return EXIT_UNREACHABLE
    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since).replace(tzinfo=config.bot.tz)
        except ValueError:
            print(text("cli.bad_since", ctx.language, value=args.since), file=sys.stderr)
            return EXIT_CONFIG
    path = write_report(
        ctx.language,
        config,
        state,
        fmt=args.format,
        out=args.out,
        since=since,
        products=args.product,
        phase=args.phase,
        level=args.level,
        jira_url=str(ctx.settings.jira_url or config.bot.jira.url or ""),
        current=current,
    )
    state.close()
    print(text("report.written", ctx.language, path=path), file=ctx.out)
    return EXIT_OK


def _with_deployment(config: Config, deployment: str) -> Config:
    bot = config.bot.model_copy(
        update={"jira": config.bot.jira.model_copy(update={"deployment": deployment})}
    )
    return dataclasses.replace(config, bot=bot)


__all__ = ["ChatMessage", "main", "print_report"]
