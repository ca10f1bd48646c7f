"""The real console script in a pseudo-terminal: colours reach a terminal, the pager opens when
the timeline is longer than the screen, NO_COLOR takes the colours away.

Each test starts a real interpreter (about a second of imports, more on a busy machine).
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import time

import pytest

from tests.conftest import ROOT

COLOUR = "\x1b[3"  # an SGR foreground colour (30-39, 38;5;n, 38;2;r;g;b)


def run_in_terminal(args: list[str], rows: int, columns: int = 160, **env: str) -> str:
    """Run `python -m timeline.cli ARGS` with a pty as its terminal; what the screen got."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("COLUMNS", "LINES", "NO_COLOR", "PAGER", "MANPAGER", "TERM")}
    environment.update(PYTHONPATH=str(ROOT), TERM="xterm-256color", **env)
    process = subprocess.Popen([sys.executable, "-m", "timeline.cli", *args], stdin=slave,
                               stdout=slave, stderr=slave, env=environment, close_fds=True)
    os.close(slave)
    screen = b""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    process.wait(timeout=30)
    os.close(master)
    return screen.decode("utf-8", "replace")


@pytest.fixture
def db(made, db_path):
    return str(db_path)


def test_a_long_timeline_opens_the_pager_in_colour(db, tmp_path):
    paged = tmp_path / "paged.txt"
    screen = run_in_terminal(["--db", db, "list"], rows=6, PAGER=f"cat > {paged}")
    assert paged.exists(), f"no pager was run; the screen showed: {screen!r}"
    text = paged.read_text()
    assert COLOUR in text, "the pager is given the colours"
    assert "2017-10-04..05" in text and "Islamic State" in text
    assert "Islamic State" not in screen, "the timeline went to the pager, not the screen"


def test_a_short_output_prints_in_colour_without_a_pager(db, tmp_path):
    paged = tmp_path / "paged.txt"
    screen = run_in_terminal(["--db", db, "list", "--type", "attack"], rows=40,
                             PAGER=f"cat > {paged}")
    assert not paged.exists()
    assert COLOUR in screen and "Islamic State" in screen


def test_no_color_gives_plain_text_on_a_terminal(db):
    screen = run_in_terminal(["--db", db, "list", "--type", "attack"], rows=40, NO_COLOR="1")
    assert "Islamic State" in screen and "✸ attack" in screen
    assert COLOUR not in screen
