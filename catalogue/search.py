"""What PostgreSQL's full-text search needs to rank the catalogue's text search.

`Training.search_document` is a generated column: PostgreSQL computes the
French and English tsvector of the start of `search_text` (title, summary,
the beginning of the description) whenever a row is written, so ranking reads
a stored value instead of parsing every matching row at query time. SQLite has
no full-text types: there the column is an empty string nobody reads.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db.migrations.operations.base import Operation
from django.db.models import Func

__all__ = ["RANKED_PREFIX", "PostgresTrigramIndex", "SearchDocument", "SearchVectorField"]

RANKED_PREFIX = 600  # characters of search_text that ranking reads


class SearchDocument(Func):
    output_field = SearchVectorField()

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        text = f"left(COALESCE({sql}, ''), {RANKED_PREFIX})"
        template = f"(to_tsvector('french'::regconfig, {text}) || to_tsvector('english'::regconfig, {text}))"
        return template, [*params, *params]

    def as_sql(self, compiler, connection, **extra_context):
        return "''", []


class PostgresTrigramIndex(Operation):
    """A pg_trgm GIN index on a text column, so `LIKE '%term%'` (the catalogue's
    accent-free text search, `search_text__contains`) can use an index on
    PostgreSQL. Outside the model state (SQLite has no GIN indexes): a no-op on
    other databases. Needs `TrigramExtension()` earlier in the migration."""

    reversible = True

    def __init__(self, model_name, field_name, name):
        self.model_name, self.field_name, self.name = model_name, field_name, name

    def deconstruct(self):
        return (
            self.__class__.__name__,
            [],
            {"model_name": self.model_name, "field_name": self.field_name, "name": self.name},
        )

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = to_state.apps.get_model(app_label, self.model_name)
        quote = schema_editor.quote_name
        table, column = model._meta.db_table, model._meta.get_field(self.field_name).column
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(self.name)} ON {quote(table)} USING gin ({quote(column)} gin_trgm_ops)"
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.name)}")

    def describe(self):
        return f"Trigram index {self.name} on {self.model_name}.{self.field_name} (PostgreSQL only)"


# -- SQLite: the text search through an FTS5 trigram index ---------------------------------------
#
# `q` filters with `search_text LIKE '%term%'` (Django's `contains`). On SQLite
# that reads every row; an FTS5 table with the trigram tokenizer finds the same rows
# from an index (terms of three characters or more): a MATCH of the quoted term, every
# term of a search in one MATCH (a LIKE on the FTS table would read each candidate's
# text again). It holds no copy of the text (external content) and triggers keep
# it in step. Django rebuilds a SQLite table to alter it, which drops its
# triggers: `ensure_sqlite_text_index` (after every `migrate`) puts them back and
# rebuilds the index whenever one was missing.

SQLITE_FTS = "catalogue_training_fts"  # written out in the SQL below (literal SQL only)
SQLITE_FTS_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS catalogue_training_fts USING fts5("
    "search_text, content='catalogue_training', content_rowid='id', tokenize='trigram')"
)
SQLITE_FTS_TRIGGERS = {
    "catalogue_training_fts_ai": """CREATE TRIGGER catalogue_training_fts_ai AFTER INSERT ON catalogue_training BEGIN
        INSERT INTO catalogue_training_fts(rowid, search_text) VALUES (new.id, new.search_text); END""",
    "catalogue_training_fts_ad": """CREATE TRIGGER catalogue_training_fts_ad AFTER DELETE ON catalogue_training BEGIN
        INSERT INTO catalogue_training_fts(catalogue_training_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text); END""",
    "catalogue_training_fts_au": """CREATE TRIGGER catalogue_training_fts_au AFTER UPDATE OF search_text
        ON catalogue_training BEGIN
        INSERT INTO catalogue_training_fts(catalogue_training_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO catalogue_training_fts(rowid, search_text) VALUES (new.id, new.search_text); END""",
}
# A trigram MATCH of a quoted string finds the rows that contain it (case folded): the same
# rows as `LIKE '%term%'`, read from the index alone (LIKE reads each candidate's text again).
SQLITE_FTS_WHERE = [
    # Written for the top level of a query: as a subquery, use the compiled SQL (RawSQL), since
    # Django renames catalogue_training in a nested queryset but not in these strings.
    "catalogue_training_fts.rowid = catalogue_training.id",
    "catalogue_training_fts MATCH %s",
]
SQLITE_FTS_NEWEST = "-catalogue_training_fts.rowid"  # the order the index reads fastest after its own


def ensure_sqlite_text_index(using="default", **kwargs):
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite" or "catalogue_training" not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE 'catalogue_training_fts%'"
        )
        present = {row[0] for row in cursor.fetchall()}
        if SQLITE_FTS in present and present.issuperset(SQLITE_FTS_TRIGGERS):
            return
        cursor.execute(SQLITE_FTS_TABLE)
        for name, create in SQLITE_FTS_TRIGGERS.items():
            if name not in present:
                cursor.execute(create)
        cursor.execute("INSERT INTO catalogue_training_fts(catalogue_training_fts) VALUES ('rebuild')")


def sqlite_indexable(term):
    """Whether the trigram index answers "contains `term`" exactly: three characters or more."""
    return len(term) >= 3


def sqlite_match(terms):
    """The FTS5 query for `terms`, a list of alternatives per term: every term, any of its forms."""
    quoted = (" OR ".join('"' + form.replace('"', '""') + '"' for form in forms) for forms in terms)
    return " AND ".join(f"({alternatives})" for alternatives in quoted)
