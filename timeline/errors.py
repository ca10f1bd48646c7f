"""Typed errors of the library; the CLI turns each into one clear line and an exit code."""


class TimelineError(Exception):
    """A problem the user can act on: bad input, a bad option value, an unusable database."""


class ReadError(TimelineError):
    """An article source that cannot be read as an article (empty, binary, undecodable...)."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self):
        # Read errors travel to worker processes beside the articles they stand for; the
        # default pickling would call __init__ with the message alone.
        return (ReadError, (self.source, self.problem))


class DatabaseError(TimelineError):
    """A database that cannot be opened, or was made by a newer version of timeline."""


class NotFound(TimelineError):
    """An event or article id that the database does not hold."""

    def __init__(self, what: str, ident: int):
        super().__init__(f"no {what} with id {ident}")
        self.what, self.ident = what, ident


class GoldFileError(TimelineError, ValueError):
    """A gold file of `timeline eval` that cannot be read or is not of the shape it needs."""


class Interrupted(TimelineError):
    """Ctrl-C during a run that stores as it goes: what was stored before it stays."""

    def __init__(self, summary):
        super().__init__("interrupted (Ctrl-C)")
        self.summary = summary


class RevisionError(DatabaseError):
    """A schema revision that does not exist, or a step past the first or the last."""


def file_kind(mode: int) -> str:
    """What a file that is not a regular one is, in words (from its st_mode)."""
    import stat

    for test, word in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return word
    return "a special file"


def database_problem(exc: Exception) -> str:
    """One line for a database failure nobody foresaw; "database is locked" said in words."""
    text = (str(getattr(exc, "orig", None) or exc).splitlines() or [""])[0]
    if "database is locked" in text or "database is busy" in text:
        return ("database busy: another process held its lock longer than the busy timeout; "
                "try again")
    return f"database error: {text}"


# Failures of the database as a whole, not of the article being written: every article after
# would fail the same way, a line each (SQLite's words, then PostgreSQL's).
_WHOLE_DATABASE = ("readonly database", "database or disk is full", "disk I/O error",
                   "read-only transaction", "No space left on device")


def whole_database_failure(exc: Exception) -> bool:
    text = str(getattr(exc, "orig", None) or exc)
    return any(phrase in text for phrase in _WHOLE_DATABASE)
