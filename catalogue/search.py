"""What PostgreSQL's full-text search needs to rank the catalogue's text search.

`Training.search_document` is a generated column: PostgreSQL computes the
French and English tsvector of the start of `search_text` (title, summary,
the beginning of the description) whenever a row is written, so ranking reads
a stored value instead of parsing every matching row at query time. SQLite has
no full-text types: there the column is an empty string nobody reads.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db.models import Func

__all__ = ["RANKED_PREFIX", "SearchDocument", "SearchVectorField"]

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
