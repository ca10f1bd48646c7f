"""A worker process that dies (killed, out of memory) while extracting an article: the ingest
names that article, stores every other one, and ends; it never waits forever."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.articles import article_text, write_articles
from tests.conftest import ROOT

# The extractor of this ingest kills its own process on the article that holds "poison":
# in a worker (fork inherits the patch) that is a worker dying mid-batch.
POISONED_INGEST = """
import os, signal, sys
from timeline import pipeline
real = pipeline.extract_events
def poison(article):
    if "poison" in article.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(article)
pipeline.extract_events = poison
from timeline.cli import main
sys.exit(main())
"""


@pytest.mark.slow
def test_a_dead_worker_fails_its_article_only(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 20)
    (folder / "00011.txt").write_text(article_text(11) + "poison\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", POISONED_INGEST, "--db", str(tmp_path / "t.db"),
                           "ingest", "-j", "2", str(folder)], env=env, capture_output=True,
                          text=True, timeout=240)
    assert done.returncode == 1
    assert done.stderr == (f"error: {folder / '00011.txt'}: the process extracting it died (killed, "
                           "or out of memory); nothing was stored for it\n")
    assert done.stdout.startswith("19 articles added, 0 skipped as already known, 1 failed;")
