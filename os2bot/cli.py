# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Command line: demo, sandbox serve, check, plan, apply, config validate."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import errno
import shlex
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import shtab
import structlog
from pydantic import SecretStr, ValidationError

from os2bot import __version__
from os2bot.config import Config, ConfigError, example_config_dir, load_config
from os2bot.domain import State
from os2bot.flow import Mode, RunResult, run_once
from os2bot.log import configure_logging
from os2bot.messages import Language, text
from os2bot.ports import (
    Chat,
    ChatMessage,
    Tracker,
    TrackerError,
)
from os2bot.report.output import print_report, write_report
from os2bot.service.runner import Runner
from os2bot.settings import Settings

if TYPE_CHECKING:
    from os2bot.sandbox import Sandbox
    from os2bot.service.view import ReportView
from os2bot.state import RunLock, SqliteState, StateError
from os2bot.wiring import Wiring

log = structlog.get_logger(__name__)

EXIT_OK, EXIT_NOT_MET, EXIT_CONFIG, EXIT_UNREACHABLE = 0, 1, 2, 3
EXIT_INTERNAL, EXIT_INTERRUPTED = 4, 130  # a bug; Ctrl-C


@dataclass
class Context:
    """What every command gets: output stream, language, settings."""

    out: TextIO
    language: Language
    settings: Settings
    config_dir: Path
    sleep: Callable[[float], None] = time.sleep  # the retry policy's wait

    def wiring(self, config: Config, settings: Settings | None = None) -> Wiring:
        """The connections for *config*, from the environment's settings (or *settings*)."""
        return Wiring(config, settings or self.settings, sleep=self.sleep)

    def runner(self, config: Config, wiring: Wiring) -> Runner:
        """The runner `apply`, `demo` and the service share: lock, run, record, alerts."""
        return Runner(
            config,
            state_path=wiring.settings.state,
            language=self.language,
            connect_tracker=wiring.trackers,
            connect_chats=lambda: wiring.chats(self.language, report=self.warn),
        )

    def warn(self, message: str) -> None:
        """Tell the user something went wrong, on standard error."""
        print(message, file=sys.stderr)


EXIT_CODES = """exit codes:
  0    fine (every check met, waived or not applicable)
  1    a check is not met or unknown
  2    bad configuration or usage (nothing was contacted)
  3    Jira or chat unreachable or refusing (or another run holds the lock)
  4    an unforeseen error (run again with --log-level DEBUG, and report it)
  130  interrupted (Ctrl-C)"""

# Each command: what it does, and an example to copy.
HELP: dict[str, tuple[str, str]] = {
    "demo": (
        (
            "Run the whole flow twice against the built-in sandbox (Jira, Slack, Zulip on "
            "127.0.0.1) with the example configuration: tasks, chat, the report. Writes nothing "
            "outside it, except the report file."
        ),
        "os2bot demo --language en",
    ),
    "serve": (
        (
            "Run the sandbox alone, seeded from YAML, and print the OS2BOT_* variables that point "
            "os2bot at it, ready to paste."
        ),
        'os2bot sandbox serve --port 8765   # then: eval "$(… | grep ^export)"',
    ),
    "check": (
        (
            "Judge every product (or one) against its governance profile, read-only: a matrix "
            "of products and checks and the gaps, or one product in detail."
        ),
        "os2bot check --product OS2forms --format markdown",
    ),
    "plan": (
        (
            "Print what a run would do — tasks to open, update, comment on or resolve — and write "
            "nothing."
        ),
        "os2bot plan --config ./config",
    ),
    "run": (
        (
            "The service: runs on the configured schedule until SIGTERM, with /healthz, /metrics "
            "and the report (/, /produkt/<key>, /rapport.json) on service.host:service.port."
        ),
        "OS2BOT_REPORT_TOKEN=$(openssl rand -hex 24) os2bot run",
    ),
    "report": (
        (
            "Write the secretariat's compliance report from the run history: risk first, every "
            "product a row, each gap with its fix, trends, changes."
        ),
        "os2bot report --format html --since 2026-11-01 --product os2forms",
    ),
    "apply": (
        "One run: judge, open and update tasks in Jira, post to chat, record the history.",
        "os2bot apply --digest",
    ),
    "validate": (
        "Load and check every configuration file; errors name the file and the path in it.",
        "os2bot config validate --config ./config",
    ),
}


def _described(name: str) -> dict[str, object]:
    """The description, example and exit codes of a command's --help."""
    description, example = HELP[name]
    return {
        "description": description,
        "epilog": f"example:\n  {example}\n\n{EXIT_CODES}",
        "formatter_class": argparse.RawDescriptionHelpFormatter,
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="os2bot",
        description="OS2's governance bot: judges each product's affiliation-agreement "
        "prerequisites from Jira, opens the tasks the governance model calls for, "
        "and posts status to chat.",
        epilog=f"{EXIT_CODES}\n\nNO_COLOR=1 turns colours off; os2bot --print-completion bash "
        "prints shell completion.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"os2bot {__version__}")
    shtab.add_argument_to(parser, ["--print-completion"], help="print shell completion and exit")
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: an option left out after the subcommand does not undo one given before it.
    common.add_argument(
        "--config",
        type=Path,
        default=argparse.SUPPRESS,
        help="configuration directory (default $OS2BOT_CONFIG, else ./config)",
    )
    common.add_argument(
        "--language",
        choices=["da", "en"],
        default=argparse.SUPPRESS,
        help="language of the output",
    )
    common.add_argument(
        "--log-level",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        type=str.upper,
        default=argparse.SUPPRESS,
        help="log level (default WARNING; INFO for the service, `run`)",
    )
    for action in common._actions:  # noqa: SLF001 - the same options before the subcommand
        parser._add_action(action)  # noqa: SLF001
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser(
        "demo",
        parents=[common],
        help="run the whole flow against the built-in sandbox",
        **_described("demo"),  # type: ignore[arg-type]
    )
    sandbox = commands.add_parser("sandbox", help="the Jira, Slack and Zulip sandbox")
    sandbox_commands = sandbox.add_subparsers(dest="sandbox_command", required=True)
    serve = sandbox_commands.add_parser(
        "serve",
        parents=[common],
        help="run the sandbox alone",
        **_described("serve"),  # type: ignore[arg-type]
    )
    serve.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765)")
    serve.add_argument("--data", type=Path, help="seed directory (default <config>/demo)")
    serve.add_argument(
        "--latency",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="add this many seconds to every request, as a network would (default 0)",
    )

    check = commands.add_parser(
        "check",
        parents=[common],
        help="judge every product, read-only",
        **_described("check"),  # type: ignore[arg-type]
    )
    check.add_argument(
        "--product", help="only this product, in detail: its key, Jira key or name, any case"
    )
    check.add_argument(
        "--format", choices=["table", "json", "markdown"], default="table", help="output format"
    )
    check.add_argument("--stats", action="store_true", help="also print Jira calls by endpoint")
    commands.add_parser(
        "plan",
        parents=[common],
        help="print the actions a run would take",
        **_described("plan"),  # type: ignore[arg-type]
    )
    commands.add_parser(
        "run",
        parents=[common],
        help="the service: scheduled runs, health, metrics and the report, until SIGTERM",
        **_described("run"),  # type: ignore[arg-type]
    )
    report = commands.add_parser(
        "report",
        parents=[common],
        help="the secretariat's compliance report, with history",
        **_described("report"),  # type: ignore[arg-type]
    )
    report.add_argument(
        "--format", choices=["html", "markdown", "json", "csv"], default="html", help="format"
    )
    report.add_argument("--out", type=Path, help="file (default os2bot-rapport-<date>.<ext>)")
    report.add_argument("--since", help="changes since this date (default 7 days ago)")
    report.add_argument(
        "--product",
        action="append",
        help="only this product (repeatable): its key, Jira key or name, any case",
    )
    report.add_argument("--phase", choices=["tilsagn", "tilslutning", "drift"], help="only phase")
    report.add_argument("--level", choices=["sandkasse", "1", "2", "3"], help="only level")
    apply = commands.add_parser(
        "apply",
        parents=[common],
        help="one run: judge, write Jira, post chat",
        **_described("apply"),  # type: ignore[arg-type]
    )
    apply.add_argument(
        "--digest", action="store_true", help="also send the secretariat's weekly digest"
    )
    commands.add_parser(
        "doctor", parents=[common], help="what the bot may and may not do, read-only"
    )
    product = commands.add_parser("product", help="product files")
    product_commands = product.add_subparsers(dest="product_command", required=True)
    new = product_commands.add_parser(
        "new", parents=[common], help="a product file's first draft, from what the tracker knows"
    )
    new.add_argument("key", help="the product's key, e.g. os2kitos (the file's name too)")
    source = new.add_mutually_exclusive_group(required=True)
    source.add_argument("--jira", metavar="PROJECT", help="the Jira project's key, e.g. KITOSUDV")
    # `--github owner/repo` joins this group when the GitHub adapter lands: onboarding.survey
    # asks any TrackerInspector, and onboarding._tracker_lines writes the file's section.
    config = commands.add_parser("config", help="configuration")
    config_commands = config.add_subparsers(dest="config_command", required=True)
    validate = config_commands.add_parser(
        "validate",
        parents=[common],
        help="load and check every file",
        **_described("validate"),  # type: ignore[arg-type]
    )
    validate.add_argument(
        "--online",
        action="store_true",
        help="also ask Jira's own JQL parser about every JQL fragment (reads only)",
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Entry point of the `os2bot` command; returns the exit code.

    *sleep* is how retries wait (tests pass one that does not).
    """
    args = _parser().parse_args(argv)
    for option in ("config", "language", "log_level"):
        setattr(args, option, getattr(args, option, None))
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
    found = _config_dir(args, settings)
    if found is None:
        print(text("cli.no_config", language), file=sys.stderr)
        return EXIT_CONFIG
    config_dir, used = found
    ctx = Context(stream, language, settings, config_dir, sleep=sleep)
    if stream.isatty() or used == "cli.config_used.example":  # the example: always said
        print(text(used, language, path=config_dir.resolve()), file=stream)
    try:
        config = load_config(ctx.config_dir, require_products=args.command not in NO_PRODUCTS)
    except ConfigError as exc:
        print(text("cli.config_invalid", language), file=sys.stderr)
        print(exc.render(language), file=sys.stderr)
        return EXIT_CONFIG
    if not args.language and not settings.language:
        ctx.language = config.bot.language
    elif ctx.language != config.bot.language:
        # The language asked for is the bot's for this command: its answers in chat too.
        bot = config.bot.model_copy(update={"language": ctx.language})
        config = dataclasses.replace(config, bot=bot)
    try:
        return _command(ctx, config, args)
    except KeyboardInterrupt:
        print(text("cli.interrupted", ctx.language), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        log.debug("cli.crashed", exc_info=True)
        problem = f"{type(exc).__name__}: {exc}"
        print(text("cli.crashed", ctx.language, error=problem), file=sys.stderr)
        return EXIT_INTERNAL


# These work before the first product file: one writes it, the other checks access first.
NO_PRODUCTS = {"product", "doctor"}

# Only these may fall back on the example configuration shipped with os2bot: it names OS2's
# real Jira and projects, and an `apply` from the wrong directory must not write there.
EXAMPLE_ALLOWED = {"demo", "sandbox"}


def _config_dir(args: argparse.Namespace, settings: Settings) -> tuple[Path, str] | None:
    """The configuration directory, and the text saying where it came from; None if none."""
    if args.config:
        return args.config, "cli.config_used.option"
    if settings.config:
        return settings.config, "cli.config_used.environment"
    if (Path("config") / "os2bot.yaml").exists():
        return Path("config"), "cli.config_used.directory"
    if args.command in EXAMPLE_ALLOWED:
        return example_config_dir(), "cli.config_used.example"
    return None


def _command(ctx: Context, config: Config, args: argparse.Namespace) -> int:
    """Run the command *args* names."""
    if args.command == "config":
        return _validate(ctx, config, online=args.online)
    if args.command == "sandbox":
        return _serve(ctx, config, args.port, args.data, args.latency)
    if args.command == "demo":
        return _demo(ctx, config)
    if args.command == "run":
        return _service(ctx, config)
    chosen = _products(ctx, config, getattr(args, "product", None))
    if chosen is None:
        return EXIT_CONFIG
    if args.command == "report":
        args.product = chosen or None
        return _report(ctx, config, args)
    if args.command == "doctor":
        return _doctor(ctx, config)
    if args.command == "product":
        return _product_new(ctx, config, args.key, args.jira)
    return _live(
        ctx,
        config,
        Mode(args.command),
        product=chosen[0] if chosen else None,
        output=getattr(args, "format", "table"),
        stats=getattr(args, "stats", False),
        digest=getattr(args, "digest", False),
    )


def _products(ctx: Context, config: Config, wanted: str | list[str] | None) -> list[str] | None:
    """The product keys *wanted* names (key, Jira key or name, any case).

    None, after saying which, when one names no product.
    """
    named = [wanted] if isinstance(wanted, str) else list(wanted or [])
    found = []
    for value in named:
        product = config.find_product(value)
        if product is None:
            known = ", ".join(p.key for p in config.products)
            print(
                text("cli.unknown_product", ctx.language, value=value, known=known),
                file=sys.stderr,
            )
            return None
        found.append(product.key)
    return found


# ------------------------------------------------------------------------- commands


def _validate(ctx: Context, config: Config, *, online: bool = False) -> int:
    if online:
        code = _validate_online(ctx, config)
        if code != EXIT_OK:
            return code
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


def _validate_online(ctx: Context, config: Config) -> int:
    """Every JQL fragment through Jira's own parser; each it refuses named with its place."""
    wiring = ctx.wiring(config)
    if not _settings_present(ctx, wiring):
        return EXIT_CONFIG
    found = config.conditions()
    try:
        verdicts = wiring.tracker().check_conditions(sorted({f for _, _, f in found}))
    except TrackerError as exc:
        print(text(exc.text_key, ctx.language, error=exc), file=sys.stderr)
        return EXIT_UNREACHABLE
    refused = [
        (where, path, error)
        for where, path, fragment in found
        for error in verdicts.get(fragment, [])
    ]
    if not refused:
        print(text("cli.jql_valid", ctx.language, count=len(found)), file=ctx.out)
        return EXIT_OK
    print(text("cli.config_invalid", ctx.language), file=sys.stderr)
    for where, path, error in refused:
        print(
            f"{where}: {path}: {text('cli.jql_refused', ctx.language, error=error)}",
            file=sys.stderr,
        )
    return EXIT_CONFIG


def _serve(ctx: Context, config: Config, port: int, data: Path | None, latency: float = 0.0) -> int:
    from os2bot.sandbox import Sandbox  # noqa: PLC0415 - only the sandbox commands need it
    from os2bot.sandbox.server import describe, dumps  # noqa: PLC0415

    sandbox = Sandbox(data or config.root / "demo", port=port, latency=latency)
    print(dumps(describe(sandbox)), file=ctx.out)
    print("\n".join(_exports(sandbox)), file=ctx.out, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        sandbox.serve_forever()
    return EXIT_OK


def _exports(sandbox: Sandbox) -> list[str]:
    """Shell lines that point os2bot at *sandbox*: every URL and credential, quoted."""
    seed = sandbox.seed
    user = seed.jira.users[0]
    values = {
        "OS2BOT_JIRA_URL": sandbox.url,
        "OS2BOT_JIRA_EMAIL": user.email,
        "OS2BOT_JIRA_TOKEN": user.api_token,
        "OS2BOT_JIRA_PAT": user.pat,
        "OS2BOT_SLACK_TOKEN": seed.slack.tokens[0] if seed.slack.tokens else None,
        "OS2BOT_SLACK_API_URL": sandbox.url + "/api/",
        "OS2BOT_ZULIP_SITE": sandbox.url,
        "OS2BOT_ZULIP_EMAIL": seed.zulip.email,
        "OS2BOT_ZULIP_API_KEY": seed.zulip.api_key,
    }
    return [f"export {name}={shlex.quote(value)}" for name, value in values.items() if value]


def _settings_present(ctx: Context, wiring: Wiring) -> bool:
    """The tracker's URL and credentials are set; else say which are not, all at once.

    A second tracker without credentials is said too, but the run goes on without it.
    """
    for name in wiring.missing():
        print(text("cli.missing_secret", ctx.language, name=name), file=sys.stderr)
    for name in wiring.unconnected():
        print(text("cli.tracker_not_connected", ctx.language, name=name), file=sys.stderr)
    return not wiring.missing()


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
    """`check`, `plan` or `apply`; *product* (a key `_products` resolved) narrows the output."""
    wiring = ctx.wiring(config)
    if not _settings_present(ctx, wiring):
        return EXIT_CONFIG
    if mode is Mode.APPLY:
        runner = ctx.runner(config, wiring)
        found = runner.run(digest=digest)
        if found is None:
            return _run_failed(ctx, runner)
        run = found
    else:
        try:
            run = run_once(
                config, wiring.trackers(), now=datetime.now(UTC), language=ctx.language, mode=mode
            )
        except TrackerError as exc:  # unreachable, or refused the credentials
            print(text(exc.text_key, ctx.language, error=exc), file=sys.stderr)
            return EXIT_UNREACHABLE
    print_report(ctx.out, config, run, ctx.language, product=product, output=output, stats=stats)
    if run.errors:
        return EXIT_UNREACHABLE
    relevant = [r for r in run.results if product in (None, r.product)]
    settled = {State.MET, State.WAIVED, State.NOT_APPLICABLE}
    return EXIT_OK if all(r.state in settled for r in relevant) else EXIT_NOT_MET


def _run_failed(ctx: Context, runner: Runner) -> int:
    """Say why the runner's run did not happen: another run holds the lock, or it failed."""
    failure = runner.last_exception
    if runner.outcome == "skipped":
        lock = RunLock(runner.state_path).path
        print(text("cli.busy", ctx.language, lock=lock), file=sys.stderr)
    elif isinstance(failure, StateError):
        # Unusable from the start: nothing was contacted, as with a bad configuration.
        key = "cli.state_unreadable" if failure.opening else "cli.state_unwritable"
        print(text(key, ctx.language, path=failure.path, error=failure.error), file=sys.stderr)
        return EXIT_CONFIG if failure.opening else EXIT_UNREACHABLE
    else:
        error = runner.last_exception or runner.last_error
        key = getattr(error, "text_key", "cli.jira_unreachable")
        print(text(key, ctx.language, error=error), file=sys.stderr)
    return EXIT_UNREACHABLE


def _service(ctx: Context, config: Config) -> int:  # noqa: PLR0915 - its parts start and stop in order
    """`os2bot run`: the scheduler, /healthz and /metrics, until SIGTERM or SIGINT."""
    from os2bot.service.health import Health, Metrics, restore, serve  # noqa: PLC0415
    from os2bot.service.listeners import ListenerMetrics, Listening  # noqa: PLC0415
    from os2bot.service.scheduler import build_scheduler, next_apply  # noqa: PLC0415
    from os2bot.service.view import AccessRefused, report_view  # noqa: PLC0415

    wiring = ctx.wiring(config)
    if not _settings_present(ctx, wiring):
        return EXIT_CONFIG
    service = config.bot.service
    host = ctx.settings.service_host or service.host
    try:
        view = report_view(
            config,
            ctx.settings,
            host=host,
            language=ctx.language,
            jira_url=wiring.tracker_url,
            clock=lambda: datetime.now(UTC),
        )
    except AccessRefused as refused:  # bound where others reach it, and no access rule
        print(text(refused.text_key, ctx.language, **refused.params), file=sys.stderr)
        return EXIT_CONFIG
    metrics = Metrics()
    listening = Listening(  # the chat listeners beside the scheduler (none without secrets)
        config,
        state_path=wiring.settings.state,
        connect_tracker=wiring.tracker,
        build=wiring.listeners,
        metrics=ListenerMetrics(metrics.registry),
    )
    health = Health(
        next_run=next_apply(config),
        grace=timedelta(seconds=config.bot.schedule.misfire_grace_seconds),
        started=datetime.now(UTC),
        listeners=listening.status,
    )
    restore(health, metrics, ctx.settings.state)
    runner = ctx.runner(config, wiring)

    def observe(
        run: RunResult | None,
        outcome: str,
        seconds: float,
        chats: Mapping[str, Chat],
        outbox: int,
    ) -> None:
        metrics.observe(run, outcome, seconds, chats, outbox)
        # The runner has recorded the outcome's time (on its clock) before it tells us.
        if outcome in {"ok", "degraded"}:
            health.last_success = runner.last_success
        elif outcome == "failed":
            health.last_failure, health.last_error = runner.last_failure, runner.last_error

    runner.observe = observe
    try:
        server = serve(
            host,
            service.port,
            health=health,
            metrics=metrics,
            clock=lambda: datetime.now(UTC),
            view=view,
        )
    except OSError as exc:  # in use, or not an address of this machine
        key = "cli.port_in_use" if exc.errno == errno.EADDRINUSE else "cli.port_refused"
        said = text(key, ctx.language, port=service.port, host=host, error=exc.strerror)
        print(said, file=sys.stderr)
        return EXIT_CONFIG
    scheduler = build_scheduler(config, runner.run)
    if config.bot.schedule.run_at_start:
        scheduler.add_job(runner.run, id="start", name="start", kwargs={"digest": False})

    stopping: list[str] = []

    def stop(signum: int, _frame: object) -> None:
        name = signal.Signals(signum).name
        if stopping:
            # Stopping already (a supervisor's second signal, an impatient Ctrl-C): the run in
            # progress still finishes and is recorded; a second shutdown would only fail.
            log.info("service.stopping_already", signal=name, first=stopping[0])
            return
        stopping.append(name)
        log.info("service.stopping", signal=name)
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
    port = server.server_address[1]
    print(text("cli.service_started", ctx.language, port=port), file=ctx.out, flush=True)
    _say_served(ctx, config, view, f"http://{host}:{port}/")
    listening.start()
    scheduler.start()
    listening.stop()
    server.shutdown()
    log.info("service.stopped")
    return EXIT_OK


def _say_served(ctx: Context, config: Config, view: ReportView | None, local: str) -> None:
    """Where the report is served, and who may read it."""
    if view is not None:
        shown = config.bot.secretariat.report_page() or local
        print(
            text("cli.report_served", ctx.language, url=shown, access=view.access.kind),
            file=ctx.out,
            flush=True,
        )


# --------------------------------------------------------------------------- output


def _demo(ctx: Context, config: Config) -> int:
    """The whole flow twice against the built-in sandbox, through the service's own runner."""
    from os2bot.adapters.console_chat import ConsoleChat  # noqa: PLC0415
    from os2bot.sandbox import Sandbox  # noqa: PLC0415
    from os2bot.sandbox.scene import Scene, overdue  # noqa: PLC0415

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
        # The sandbox's own credentials, as the environment would give them in production.
        settings = Settings(
            jira_url=sandbox.url,
            jira_email=user.email,
            jira_token=_secret(user.api_token),
            jira_pat=_secret(user.pat),
            slack_token=SecretStr(seed.slack.tokens[0]),
            slack_api_url=sandbox.url + "/api/",
            zulip_site=sandbox.url,
            zulip_email=seed.zulip.email,
            zulip_api_key=SecretStr(seed.zulip.api_key),
            slack_app_token=SecretStr(seed.slack.app_tokens[0]) if seed.slack.app_tokens else None,
            # The sandbox's GitHub sits where a GitHub Enterprise Server has its API.
            github_token=SecretStr(seed.github.token),
            github_url=sandbox.url + "/api/v3",
            state=Path(tmp) / "state.sqlite3",
        )
        runner = ctx.runner(demo_config, ctx.wiring(demo_config, settings))
        created_total = []
        late: str | None = None
        for number in (1, 2):
            found = runner.run(digest=True)  # the secretariat's weekly digest, once per week
            if found is None:
                return _run_failed(ctx, runner)
            run = found
            print(f"\n=== {text('demo.run', language, number=number)} ===", file=out)
            print_report(out, demo_config, run, language)
            print(f"\n{text('demo.tasks_opened', language)}:", file=out)
            if not run.created:
                print(f"  {text('demo.no_tasks_opened', language)}", file=out)
            for done in run.created:
                print(f"  {done.key}  {done.url}  {done.action.summary}", file=out)
            print(f"\n{text('demo.chat', language)}:", file=out)
            if not run.posted:
                print(f"  {text('demo.no_chat', language)}", file=out)
            for posted in run.posted:
                console.show(posted.target, posted.message, edited=posted.edited)
            print(
                "\n"
                + text(
                    "demo.summary",
                    language,
                    tasks=len(run.created),
                    messages=len(run.posted),
                    calls=sum(run.calls_by_tracker.get("jira", {}).values()),
                    github=sum(run.calls_by_tracker.get("github", {}).values()),
                ),
                file=out,
            )
            created_total.append(len(run.created))
            if len(created_total) == 1:  # as if weeks had passed: a reminder is now past due
                late = overdue(sandbox, demo_config)
                if late:
                    print("\n" + text("demo.overdue", language, key=late), file=out)
        wiring = ctx.wiring(demo_config, settings)
        Scene(
            sandbox,
            demo_config,
            settings,
            wiring.tracker,
            out,
            language,
            # The listeners `os2bot run` starts, not held to the chats' pace on the sandbox.
            build=lambda handle: wiring.listeners(
                lambda _chat: handle, min_interval=0, check_every=0.1
            ),
        ).play(late)
        state = SqliteState(settings.state)
        report_path = write_report(
            ctx.language,
            demo_config,
            state,
            jira_url=sandbox.url,
            task_url=ctx.wiring(demo_config, settings).task_url,
        )
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
        wiring = ctx.wiring(config)
        if not _settings_present(ctx, wiring):
            return EXIT_CONFIG
        try:
            current = run_once(
                config,
                wiring.trackers(),
                now=datetime.now(UTC),
                language=ctx.language,
                mode=Mode.CHECK,
            )
        except TrackerError as exc:
            print(text(exc.text_key, ctx.language, error=exc), file=sys.stderr)
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
        jira_url=ctx.wiring(config).tracker_url,
        task_url=ctx.wiring(config).task_url,
        current=current,
    )
    state.close()
    print(text("report.written", ctx.language, path=path), file=ctx.out)
    return EXIT_OK


def _doctor(ctx: Context, config: Config) -> int:
    """`os2bot doctor`: Jira, chat, the state database and the schedule, asked, never changed."""
    from os2bot import doctor  # noqa: PLC0415 - only this command needs it
    from os2bot.service.scheduler import next_runs  # noqa: PLC0415
    from os2bot.state import writable_problem  # noqa: PLC0415

    wiring = ctx.wiring(config)
    findings: list[doctor.Finding] = []
    if wiring.missing():
        findings += doctor.tracker_not_set_up(config, wiring.missing())
    else:
        try:
            inspector = wiring.inspector()
        except TrackerError as exc:
            findings += doctor.tracker_refused(config, exc)
        else:
            findings += doctor.tracker_findings(config, inspector)
    inspectors, unreachable = wiring.chat_inspectors()
    findings += doctor.chat_findings(
        config, inspectors, missing=wiring.missing_chat(), unreachable=unreachable
    )
    state = ctx.settings.state
    findings.append(
        doctor.state_finding(state, writable_problem(state), exists=Path(state).exists())
    )
    findings.append(doctor.schedule_finding(next_runs(config, datetime.now(config.bot.tz), 2)))
    print(doctor.render(findings, ctx.language), file=ctx.out)
    return EXIT_NOT_MET if doctor.has_problems(findings) else EXIT_OK


def _product_new(ctx: Context, config: Config, key: str, project: str) -> int:
    """`os2bot product new KEY --jira PROJECT`: the draft, never over an existing file.

    Then whether it validates, what the checks would say, and what is left to fill in.
    """
    from os2bot import onboarding  # noqa: PLC0415 - only this command needs it
    from os2bot.ports import TrackerInspector  # noqa: PLC0415

    path = config.root / "products" / f"{key}.yaml"
    refusal = onboarding.refusal(config, key, project, exists=path.exists())
    if refusal is not None:
        print(text(refusal.key, ctx.language, **refusal.params), file=sys.stderr)
        return EXIT_CONFIG
    wiring = ctx.wiring(config)
    if not _settings_present(ctx, wiring):
        return EXIT_CONFIG
    try:
        tracker = wiring.tracker()
        if not isinstance(tracker, TrackerInspector):  # pragma: no cover - every adapter is one
            raise TypeError(type(tracker).__name__)
        found = onboarding.survey(config, tracker, key, project)
        bot = tracker.myself().display_name if found is None else ""
    except TrackerError as exc:
        print(text(exc.text_key, ctx.language, error=exc), file=sys.stderr)
        return EXIT_UNREACHABLE
    if found is None:
        print(text("doctor.jira.not_visible", ctx.language, project=project), file=sys.stderr)
        print(text("doctor.fix.not_visible", ctx.language, user=bot), file=sys.stderr)
        return EXIT_CONFIG
    body = onboarding.draft(found, today=datetime.now(config.bot.tz).date(), language=ctx.language)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:  # never over a file that appeared
            handle.write(body)
    except FileExistsError:
        print(text("onboard.exists", ctx.language, path=path), file=sys.stderr)
        return EXIT_CONFIG
    print(
        text("onboard.written", ctx.language, path=path, project=project, name=found.facts.name),
        file=ctx.out,
    )
    try:
        fresh = load_config(config.root)
    except ConfigError as exc:
        print(text("onboard.invalid", ctx.language), file=ctx.out)
        print(exc.render(ctx.language), file=ctx.out)
        return EXIT_CONFIG
    print(text("onboard.valid", ctx.language), file=ctx.out)
    _first_judgement(ctx, fresh, tracker, key)
    print("\n" + text("onboard.next", ctx.language, path=path, key=key), file=ctx.out)
    return EXIT_OK


def _first_judgement(ctx: Context, config: Config, tracker: Tracker, key: str) -> None:
    """The checks on the new product alone, read-only, and what is left to fill in."""
    from os2bot.onboarding import left_to_fill  # noqa: PLC0415

    product = config.product(key)
    alone = dataclasses.replace(config, products=(product,))
    run = run_once(alone, tracker, now=datetime.now(UTC), language=ctx.language, mode=Mode.CHECK)
    print("\n" + text("onboard.judgement", ctx.language), file=ctx.out)
    print_report(ctx.out, alone, run, ctx.language, product=key)
    left = left_to_fill(product)
    if not left:
        print("\n" + text("onboard.todo.none", ctx.language), file=ctx.out)
        return
    print("\n" + text("onboard.todo", ctx.language, count=len(left)), file=ctx.out)
    for msg in left:
        print(f"  • {text(msg.key, ctx.language, **msg.params)}", file=ctx.out)


def _secret(value: str | None) -> SecretStr | None:
    return SecretStr(value) if value is not None else None


def _with_deployment(config: Config, deployment: str) -> Config:
    bot = config.bot.model_copy(
        update={"jira": config.bot.jira.model_copy(update={"deployment": deployment})}
    )
    return dataclasses.replace(config, bot=bot)


__all__ = ["ChatMessage", "main", "print_report"]
