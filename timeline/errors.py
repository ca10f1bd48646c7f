"""Typed errors of the library; the CLI turns each into one clear line and an exit code."""


class TimelineError(Exception):
    """A problem the user can act on: bad input, a bad option value, an unusable database."""


class ReadError(TimelineError):
    """An article source that cannot be read as an article (empty, binary, undecodable...)."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class DatabaseError(TimelineError):
    """A database that cannot be opened, or was made by a newer version of timeline."""


class NotFound(TimelineError):
    """An event or article id that the database does not hold."""

    def __init__(self, what: str, ident: int):
        super().__init__(f"no {what} with id {ident}")
        self.what, self.ident = what, ident
