"""The indexes the catalogue's speed relies on (migration catalogue/0004) exist
on PostgreSQL and can serve the very SQL the FilterSet writes; on SQLite the
trigram index is a no-op and the migration still applies."""

import pytest
from django.db import connection
from django.db.models import Count

from catalogue.filters import TrainingFilter
from catalogue.models import Training
from tests.factories import make_training

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL indexes")


def _plan(queryset):
    """EXPLAIN of the queryset's SQL with sequential scans disabled: shows
    whether an index can answer it at all (tiny test tables never need one)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    return plan


@postgres_only
def test_text_search_can_use_the_trigram_index():
    make_training(title="Communication de crise sur les médias sociaux")
    make_training(title="Réseautage LinkedIn")
    filterset = TrainingFilter({"q": "CRISE"}, queryset=Training.objects.published())
    assert [t.title for t in filterset.qs] == ["Communication de crise sur les médias sociaux"]
    # The LIKE the FilterSet writes for `q` (here without the status condition,
    # which other indexes could also serve).
    matching = filterset.filter_text(Training.objects.order_by(), "q", "CRISE").values("pk")
    assert "LIKE" in str(matching.query)
    assert "Bitmap Index Scan on training_search_text_trgm" in _plan(matching)


@postgres_only
def test_facet_counts_can_be_an_index_only_scan():
    make_training(focus="media", format="workshop")
    filterset = TrainingFilter({}, queryset=Training.objects.published())
    rows = Training.objects.published().order_by().values("focus", "format")
    plan = _plan(rows.annotate(n=Count("*")))
    assert "Index Only Scan using training_facets_idx" in plan
    assert filterset.facets().total == 1


def test_trigram_index_is_postgresql_only():
    with connection.cursor() as cursor:
        names = list(connection.introspection.get_constraints(cursor, Training._meta.db_table))
    assert "training_facets_idx" in names
    assert ("training_search_text_trgm" in names) == (connection.vendor == "postgresql")


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 index")
TERMS = [
    "tiktok",
    "medias",
    "reseau",
    "linkedin",
    "tik",
    "ok",
    "e",
    "atelier medias",
    "zzz",
    "d'affaires",
    "100%",
    "a_b",
]


def _ids(params, **kwargs):
    return sorted(TrainingFilter(params, queryset=Training.objects.published()).qs.values_list("pk", flat=True))


def _like_ids(text):
    from catalogue.text import fold

    queryset = Training.objects.published()
    for term in fold(text).split():
        queryset = queryset.filter(search_text__contains=term)
    return sorted(queryset.values_list("pk", flat=True))


@sqlite_only
def test_sqlite_text_search_through_fts_finds_what_like_finds():
    kept = make_training(title="Les médias sociaux pour les PME, 100% pratique")
    make_training(title="Réseau d'affaires sur LinkedIn")
    make_training(title="Atelier TikTok : médias et vidéo")
    gone = make_training(title="Réseau de contacts")
    kept.title = "Les médias sociaux sur TikTok"
    kept.save()
    kept.refresh_search_fields()  # the index follows an edit…
    gone.delete()  # …and a deletion
    for text in TERMS:
        assert _ids({"q": text}) == _like_ids(text), text
    assert _ids({"q": "tiktok"}) == sorted([kept.pk, Training.objects.get(title__startswith="Atelier").pk])


@sqlite_only
def test_sqlite_text_index_comes_back_after_a_table_rebuild():
    from catalogue.search import SQLITE_FTS_TRIGGERS, ensure_sqlite_text_index

    make_training(title="Réseau d'affaires sur LinkedIn")
    with connection.cursor() as cursor:  # what Django's SQLite table rebuild leaves behind
        for name in SQLITE_FTS_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")  # noqa: S608 (test constant)
    make_training(title="Réseau de contacts")  # missed by the index…
    ensure_sqlite_text_index()  # …until the next migrate puts the triggers back and rebuilds it
    assert len(_ids({"q": "reseau"})) == 2
    make_training(title="Réseau de clients")
    assert len(_ids({"q": "reseau"})) == 3
