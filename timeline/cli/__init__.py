"""The `timeline` command: the group, its --db option, and where each command lives.

Each command family is a module of this package (ingest, listing, view, stats, curate, sql,
dates, evaluate, db) holding thin click commands over the library; options.py holds the
decorators they share. A command's module is imported only when that command runs or shows
its own help, so `timeline --help` imports click alone and `timeline list` nothing of ingest.
"""

from __future__ import annotations

import sys
from importlib import import_module

import click

from timeline.errors import TimelineError, database_problem

# name -> (module of timeline.cli, attribute, first paragraph of its help). The paragraph is
# what `timeline --help` shortens to fit the terminal, known here so that listing the commands
# imports none of them; tests/test_cli_layout.py checks each against the command's own help.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "add": ("curate", "add", "Add an event the extractors missed (status confirmed)."),
    "article": ("view", "article",
                "One article's text, with the sentence of each of its events marked."),
    "articles": ("view", "articles",
                 "The articles ingested, with their publication dates and where those came "
                 "from."),
    "confirm": ("curate", "confirm", "Mark an event as checked and true."),
    "count": ("stats", "count", "How many events match the filters."),
    "dates": ("dates", "dates",
              "The temporal expressions of a text, with their TimeML values and intervals."),
    "db": ("db", "db", "Manage the database schema by hand (the CLI upgrades it on open anyway)."),
    "edit": ("curate", "edit",
             "Correct an event; its status becomes `edited` and each old value is kept."),
    "eval": ("evaluate", "eval_group", "Score the extractors against gold files."),
    "export": ("listing", "export",
               "Export events: CSV, a JSON array, JSON Lines, or TimelineJS3 JSON, streamed."),
    "ingest": ("ingest", "ingest", "Read articles and store their events."),
    "list": ("listing", "list_events",
             "The chronological timeline, grouped by year and month: one row per incident "
             "(however many articles report it), or with --no-merge one per event."),
    "merge": ("curate", "merge",
              "Join the incidents of these events into one, locked against automatic changes."),
    "reextract": ("ingest", "reextract",
                  "Run the current extractors again over stored articles (after an upgrade)."),
    "reject": ("curate", "reject",
               "Mark an event as wrong: it leaves the timeline (list it with --status "
               "rejected)."),
    "schema": ("sql", "schema",
               "The tables and views, with a line on each column, for people who query with "
               "SQL."),
    "show": ("view", "show",
             "One event: every field, its actors, mentions and edits, and its passage "
             "highlighted."),
    "split": ("curate", "split",
              "Detach an event from its incident into one of its own, locked against "
              "re-merging."),
    "sql": ("sql", "sql",
            "Run one read-only SQL statement (the database is opened so that it cannot write)."),
    "stats": ("stats", "stats",
              "Events by type and by year, top actors and countries, articles by publication "
              "month."),
}


class TimelineGroup(click.Group):
    """Loads a command's module when the command is asked for (click's lazy group pattern),
    and turns the library's typed errors into one clear line and exit code 1, never a
    traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, attribute, _ = COMMANDS[cmd_name]
            self.add_command(getattr(import_module(f"timeline.cli.{module}"), attribute),
                             cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list, as click writes it, from stand-ins that carry each help's first
        paragraph: listing the commands imports none of their modules."""
        stand_ins = {name: self.commands.get(name) or click.Command(name, help=summary)
                     for name, (_, _, summary) in COMMANDS.items()}
        click.Group(commands={**stand_ins, **self.commands}).format_commands(ctx, formatter)

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
            # Output still buffered ("articles --format jsonl", "sql --json") would meet a closed
            # pipe at exit, where Python can only print "Exception ignored" and exit 120: met
            # here, it ends like every other command (the Python docs' note on SIGPIPE).
            sys.stdout.flush()
            return result
        except TimelineError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:  # `timeline list | head`: the reader left; not an error of ours
            _silence_stdout()
            ctx.exit(1)  # as Python and rich's console exit on a closed pipe
        except OSError as exc:  # disk full, a folder that vanished: the system's own words
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None
        except Exception as exc:
            if _is_database_error(exc):
                raise click.ClickException(database_problem(exc)) from None
            raise


def _is_database_error(exc: Exception) -> bool:
    sa_exc = sys.modules.get("sqlalchemy.exc")  # loaded if a database was touched at all
    return sa_exc is not None and isinstance(exc, sa_exc.SQLAlchemyError)


def _silence_stdout() -> None:
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (tests): nothing to flush anyway
        pass


DATABASE_SCHEMES = ("sqlite", "postgresql", "postgres")  # what timeline's schema runs on


def check_db_value(ctx, param, value: str | None) -> str | None:
    """A malformed --db is a usage error (exit 2); a well-formed one that fails to open, exit 1."""
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter("empty; give a file path or a database URL", ctx, param)
    if "://" in value:
        scheme = value.split("://", 1)[0].split("+", 1)[0].lower()
        if scheme not in DATABASE_SCHEMES:
            raise click.BadParameter(
                f"unknown database URL scheme {scheme!r} in {value.split('@')[-1]!r}; use a "
                "file path, sqlite:///PATH or postgresql://HOST/NAME", ctx, param)
        _check_url_form(value, ctx, param)
    return value


def _check_url_form(value: str, ctx, param) -> None:
    from sqlalchemy.engine import make_url

    try:
        make_url(value)
    except Exception as exc:  # ArgumentError or ValueError (a port that is not a number)
        from timeline.db import describe

        raise click.BadParameter(f"not a database URL: {describe(value)} ({exc})", ctx,
                                 param) from None


@click.group(cls=TimelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", envvar="TIMELINE_DB", metavar="PATH|URL", callback=check_db_value,
              help="Database file or SQLAlchemy URL [env TIMELINE_DB; default ./timeline.db].")
@click.version_option(package_name="timeline")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """A threat-event timeline: news articles in, dated event records out."""
    ctx.obj = {"db": db}
