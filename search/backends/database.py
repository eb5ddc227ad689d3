"""The default backend: the SearchEntry table on SQLite or PostgreSQL.

Matching: every query word must start a word of the folded text (`LIKE '% word%'`; on
PostgreSQL a stored tsvector with a GIN index, `word:*`). Ranking (higher first): the query
exactly as typed (accents included) in the title, the folded phrase in the title (more at its
start), the typed phrase in the body, the folded phrase anywhere, then each word in the title;
ties go to the most read. Only the best RANK_DEPTH by title get the body bonuses.
Typos: when a word matches nothing, the closest indexed title word (difflib on SQLite; pg_trgm
similarity on PostgreSQL) replaces it and the corrected query runs instead."""

import difflib

from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Substr
from wagtail.models import Page

from lms.common.text import nfc_lower, padded_exact, words

from ..generation import index_generation
from ..highlight import highlight, snippet
from ..models import SearchEntry, SearchWord
from .base import Hit, Results
from .postgres import (
    COUNT_LIMIT,
    ranked_ids_pg,
    search_page_pg,
    trigram_candidates_pg,
    unmatched_tokens_pg,
)

MAX_WORDS = 8
RANK_DEPTH = 200  # matches that get the full (text-reading) score; the rest by title only
SNIPPET_SOURCE_CHARS = 30_000


def _when(condition: Q, points: int):
    return Case(When(condition, then=Value(points)), default=Value(0),
                output_field=IntegerField())


class DatabaseBackend:
    name = "database"

    # --- writing: the SearchEntry table is the index ----------------------------------------
    def index(self, entry: SearchEntry) -> None:
        pass

    def delete(self, page_id: int) -> None:
        pass

    def rebuild(self, entries) -> int:
        return sum(1 for _ in entries)

    # --- reading -----------------------------------------------------------------------------
    @staticmethod
    def _postgres() -> bool:
        return connection.vendor == "postgresql"

    def _with_words(self, qs, tokens: list[str]):
        """Every token starts a word of the folded text. PostgreSQL: the stored tsvector and
        its GIN index (`word:*` is a word-prefix match); elsewhere: LIKE '% word%'."""
        if self._postgres():
            return qs.extra(where=["search_searchentry.text_tsv @@ to_tsquery('simple', %s)"],
                            params=[" & ".join(f"{t}:*" for t in tokens)])
        for token in tokens:
            qs = qs.filter(text_folded__contains=f" {token}")
        return qs

    def _matching(self, tokens: list[str], kind: str | None = None):
        qs = self._with_words(SearchEntry.objects.filter(page__live=True), tokens)
        if kind:
            qs = qs.filter(kind=kind)
        return qs

    def _title_score(self, query: str, tokens: list[str]):
        phrase = " ".join(tokens)
        score = (_when(Q(title_exact__contains=padded_exact(query)), 16)
                 + _when(Q(title_folded__contains=f" {phrase} "), 8)
                 + _when(Q(title_folded__startswith=f" {phrase}"), 4))
        for token in tokens:
            score = score + _when(Q(title_folded__contains=f" {token}"), 1)
        return score

    def _ranked(self, qs, query: str, tokens: list[str]):
        exact = nfc_lower(" ".join(query.split()))
        phrase = " ".join(tokens)
        score = self._title_score(query, tokens) + _when(Q(head_exact__contains=exact), 4)
        if self._postgres():
            # The folded phrase via the tsvector: its GIN-indexed form of the whole text.
            score = score + RawSQL(
                "(CASE WHEN search_searchentry.text_tsv @@ phraseto_tsquery('simple', %s) "
                "THEN 2 ELSE 0 END)", [phrase], output_field=IntegerField())
        else:
            score = score + _when(Q(text_folded__contains=f" {phrase} "), 2)
        return qs.annotate(score=score).order_by("-score", "-popularity", "title")

    @staticmethod
    def _live(ids: list[int]):
        """Candidates still live: a stale entry of an unpublished page never shows."""
        return SearchEntry.objects.filter(page_id__in=ids).filter(
            Exists(Page.objects.filter(pk=OuterRef("page_id"), live=True)))

    def ids(self, query: str, kind: str | None = None, limit: int = 1000) -> list[int]:
        tokens = words(query)[:MAX_WORDS]
        if not tokens:
            return []
        if self._postgres():
            return ranked_ids_pg(query, tokens, kind, limit)
        _counts, ids = self._counts_and_candidates(query, tokens, kind, max(RANK_DEPTH, limit))
        qs = self._ranked(self._live(ids), query,
                          tokens)
        return list(qs.values_list("page_id", flat=True)[:limit])

    def search(self, query: str, kind: str | None = None, offset: int = 0,
               limit: int = 20) -> Results:
        tokens = words(query)[:MAX_WORDS]
        results = Results(query=query)
        if not tokens:
            return results
        self._fill(results, query, tokens, kind, offset, limit)
        if results.total == 0:
            corrected = self.correct(tokens)
            if corrected and corrected != tokens:
                results.suggestion = " ".join(corrected)
                self._fill(results, results.suggestion, corrected, kind, offset, limit)
                results.corrected = results.total > 0
        return results

    def _counts_and_candidates(self, query, tokens, kind, depth) -> tuple[dict, list[int]]:
        """Matches per kind, and the `depth` best matches by the cheap title score: common words
        match thousands of entries, and only these candidates get the full score (body
        bonuses read the texts, which costs per row). SQLite; PostgreSQL: _fill_pg."""
        counts = dict(self._matching(tokens).values_list("kind").annotate(n=Count("pk"))
                      .order_by("kind"))
        ids = list(self._matching(tokens, kind).annotate(cheap=self._title_score(query, tokens))
                   .order_by("-cheap", "-popularity", "title")
                   .values_list("page_id", flat=True)[:depth])
        return counts, ids

    def _fill(self, results: Results, query, tokens, kind, offset, limit) -> None:
        depth = max(RANK_DEPTH, offset + limit)
        if self._postgres():
            self._fill_pg(results, query, tokens, kind, offset, limit)
            return
        results.counts, ids = self._counts_and_candidates(query, tokens, kind, depth)
        results.total = (results.counts.get(kind, 0) if kind
                         else sum(results.counts.values()))
        if not ids:
            return
        candidates = self._live(ids)
        rows = (self._ranked(candidates, query, tokens)
                .annotate(head=Substr("body", 1, SNIPPET_SOURCE_CHARS))
                .only("page_id", "kind", "title", "url", "meta")[offset:offset + limit])
        results.hits = [Hit(r.page_id, r.kind, r.title, r.url, r.meta,
                            str(highlight(r.title, tokens)), str(snippet(r.head, tokens)),
                            r.score) for r in rows]

    @staticmethod
    def _fill_pg(results: Results, query, tokens, kind, offset, limit) -> None:
        """One round trip: counts (exact up to COUNT_LIMIT matches, "at least" beyond) and
        the ranked page."""
        counts, filtered, rows = search_page_pg(query, tokens, kind, offset, limit)
        results.capped = sum(counts.values()) > COUNT_LIMIT
        if kind and filtered:
            counts[kind] = filtered
        results.counts = counts
        total = (filtered or 0) if kind else sum(counts.values())
        results.total_capped = total > COUNT_LIMIT
        results.total = min(total, COUNT_LIMIT)
        results.hits = [Hit(page_id, row_kind, title, url, meta, str(highlight(title, tokens)),
                            str(snippet(head, tokens)), score)
                        for page_id, row_kind, title, url, meta, head, score in rows]

    def autocomplete(self, query: str, limit: int = 8) -> list[Hit]:
        tokens = words(query)[:MAX_WORDS]
        if not tokens:
            return []
        qs = SearchEntry.objects.filter(page__live=True)
        for token in tokens:
            qs = qs.filter(title_folded__contains=f" {token}")
        rows = (self._ranked(qs, query, tokens)
                .only("page_id", "kind", "title", "url", "meta")[:limit])
        return [Hit(r.page_id, r.kind, r.title, r.url, r.meta,
                    str(highlight(r.title, tokens)), "", r.score) for r in rows]

    # --- "did you mean" ---------------------------------------------------------------------
    def correct(self, tokens: list[str]) -> list[str]:
        """Each word that starts no indexed word is replaced by the closest title word."""
        result = []
        unmatched = unmatched_tokens_pg(tokens) if self._postgres() else None
        for token in tokens:
            if (token not in unmatched if unmatched is not None
                    else self._with_words(SearchEntry.objects.all(), [token]).exists()):
                result.append(token)
            else:
                result.append(self._closest(token) or token)
        return result

    def _closest(self, token: str) -> str | None:
        """PostgreSQL narrows the vocabulary with pg_trgm similarity; the final pick is the same
        difflib ratio on both databases, so they suggest the same word."""
        candidates = (self._trigram_candidates(token) if connection.vendor == "postgresql"
                      else self._vocabulary())
        matches = difflib.get_close_matches(token, candidates, n=1, cutoff=0.7)
        return matches[0] if matches else None

    def _trigram_candidates(self, token: str) -> list[str]:
        return trigram_candidates_pg(token)

    def _vocabulary(self) -> list[str]:
        key = f"search:vocab:{index_generation()}"  # any index write starts afresh
        vocab = cache.get(key)
        if vocab is None:
            vocab = list(SearchWord.objects.order_by("word").values_list("word", flat=True))
            cache.set(key, vocab, 3600)
        return vocab

