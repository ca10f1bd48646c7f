"""Full-text search over event sentences and article titles.

SQLite: a contentless FTS5 table `events_fts` (rowid = events.id; columns sentence, title)
holds only the index, so a million sentences are not stored twice. Its words are stemmed
(porter) as PostgreSQL's 'english' configuration stems them: "attack" finds "attacked" on both. Contentless tables forget
what they indexed, so every removal must repeat the indexed values: the triggers below do that.
An event deleted by the cascade of its article's deletion no longer sees the article (SQLite
removes the parent row first), so the article's own BEFORE DELETE trigger removes its events'
entries and the events' trigger skips those.

PostgreSQL: a GIN index on to_tsvector('english', sentence), which plainto_tsquery uses.

A later migration that rebuilds `events` or `articles` in batch mode drops these triggers with
the old table (and SQLite checks triggers when the new table is renamed into place): drop them
before such a rebuild and create them again after it, as 0002 does with the `timeline` view.

Neither is a model object: migrations/env.py leaves them out of autogenerate's comparison.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 08:10:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0003'
down_revision: Union[str, None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TITLE_OF = "(SELECT title FROM articles WHERE id = {row}.article_id)"

SQLITE_UP = [
    "CREATE VIRTUAL TABLE events_fts USING fts5(sentence, title, content='', "
    "tokenize='porter unicode61')",
    f"""INSERT INTO events_fts (rowid, sentence, title)
        SELECT e.id, e.sentence, a.title FROM events e JOIN articles a ON a.id = e.article_id""",
    f"""CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts (rowid, sentence, title)
        VALUES (new.id, new.sentence, {TITLE_OF.format(row='new')});
    END""",
    f"""CREATE TRIGGER events_fts_delete AFTER DELETE ON events
    WHEN EXISTS (SELECT 1 FROM articles WHERE id = old.article_id) BEGIN
        INSERT INTO events_fts (events_fts, rowid, sentence, title)
        VALUES ('delete', old.id, old.sentence, {TITLE_OF.format(row='old')});
    END""",
    f"""CREATE TRIGGER events_fts_update AFTER UPDATE OF sentence, article_id ON events BEGIN
        INSERT INTO events_fts (events_fts, rowid, sentence, title)
        VALUES ('delete', old.id, old.sentence, {TITLE_OF.format(row='old')});
        INSERT INTO events_fts (rowid, sentence, title)
        VALUES (new.id, new.sentence, {TITLE_OF.format(row='new')});
    END""",
    """CREATE TRIGGER events_fts_article_delete BEFORE DELETE ON articles BEGIN
        INSERT INTO events_fts (events_fts, rowid, sentence, title)
        SELECT 'delete', id, sentence, old.title FROM events WHERE article_id = old.id;
    END""",
    """CREATE TRIGGER events_fts_article_title AFTER UPDATE OF title ON articles BEGIN
        INSERT INTO events_fts (events_fts, rowid, sentence, title)
        SELECT 'delete', id, sentence, old.title FROM events WHERE article_id = old.id;
        INSERT INTO events_fts (rowid, sentence, title)
        SELECT id, sentence, new.title FROM events WHERE article_id = new.id;
    END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS events_fts_article_title",
    "DROP TRIGGER IF EXISTS events_fts_article_delete",
    "DROP TRIGGER IF EXISTS events_fts_update",
    "DROP TRIGGER IF EXISTS events_fts_delete",
    "DROP TRIGGER IF EXISTS events_fts_insert",
    "DROP TABLE IF EXISTS events_fts",
]
POSTGRES_UP = ["CREATE INDEX ix_events_sentence_fts ON events "
               "USING gin (to_tsvector('english', sentence))"]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS ix_events_sentence_fts"]


def _run(statements: dict[str, list[str]]) -> None:
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def upgrade() -> None:
    _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN})
