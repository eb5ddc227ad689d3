"""The PostgreSQL read path: a whole results page in ONE round trip, and bounded work per search.

Every search used to touch every matching row (counting them, scoring each title with LIKEs,
materialising and sorting them): at 10,000 items a common word matched half the index and cost
≈ 25 ms of CPU, at 100,000 items ≈ 200 ms. Now (issue 18):

- **counts**: the first COUNT_LIMIT + 1 matches one bitmap scan of the (kind, text_tsv) GIN
  index yields are counted per kind: exact up to COUNT_LIMIT (1,000 — the 50 pages the search
  page lets anyone reach), "more than" beyond (`Results.capped` / `total_capped`), as
  Elasticsearch's track_total_hits does; with a kind filter that kind is counted on its own
  the same way (the tabs keep the others' counts);
- **candidates**: those same matches (or the kind's), scored by title, plus up to TITLE_TIER
  entries whose *title* holds every query word (the (kind, title_tsv) GIN index: the best
  title matches are found wherever they are); the best RANK_DEPTH by title get the full score
  (the body bonuses read the texts); ranking, the live-page check and LIMIT / OFFSET run in
  SQL, and only the shown page's rows come back, each with its body's head for the snippet.
  Beyond COUNT_LIMIT matches, the body-only matches ranked are those the index yields first
  (ordered by popularity among them): the price of reading a bounded number of rows;
- **whole words** for every query word but the last, which may be unfinished (`w1 & w2:*`):
  exact GIN lookups skip through each other's posting lists, a prefix expands into a bitmap
  of every word it starts.

Planner settings (`SET LOCAL`, in the same string as the statements, so the implicit
transaction of that one round trip scopes them; inside an atomic block they are reset at the
end): for a common word the planner otherwise picks a sequential scan evaluating `@@` on every
row's tsvector. Several statements in one string need psycopg's client-side binding, Django's
default (not the `server_side_binding` database option)."""

from django.db import connection

from lms.common.text import nfc_lower, padded_exact

COUNT_LIMIT = 1000
TITLE_TIER = 100
RANK_DEPTH = 60
SNIPPET_SOURCE_CHARS = 30_000

# m: the first COUNT_LIMIT + 1 matches the GIN index yields (one bitmap scan), counted per kind
# and scored by title; f: with a kind filter, that kind's first COUNT_LIMIT + 1 matches (counted
# for the total; a rare kind is not starved by m's limit), else m itself; t: entries whose title
# holds every word (a second, small GIN index), wherever they are. The best RANK_DEPTH of f and
# t by title get the full score. Rows: ('c', kind, n) per kind of m, ('f', kind, n) for f, then
# ('h', kind, NULL, page_id, title, url, meta, body head, score) for the page.
_SQL = """
WITH m AS MATERIALIZED (
    SELECT page_id, kind, popularity, title, {cheap} AS cheap FROM search_searchentry e
    WHERE e.text_tsv @@ to_tsquery('simple', %(q)s) LIMIT %(count_limit)s
), {filtered} cand AS MATERIALIZED (
    (SELECT page_id, popularity, title, cheap FROM {f}
     ORDER BY cheap DESC, popularity DESC, title LIMIT %(depth)s)
    UNION
    (SELECT page_id, popularity, title, {cheap} FROM search_searchentry e
     WHERE {kind_e} e.title_tsv @@ to_tsquery('simple', %(q)s) LIMIT %(title_tier)s)
), best AS MATERIALIZED (
    SELECT page_id, popularity, title, cheap FROM cand
    ORDER BY cheap DESC, popularity DESC, title LIMIT %(depth)s
)
SELECT 'c', kind, count(*)::int, NULL::int, NULL, NULL, NULL, NULL, NULL::int
FROM m GROUP BY kind
{filtered_count}
UNION ALL (
SELECT 'h', e.kind, NULL, e.page_id, e.title, e.url, e.meta,
       substr(e.body, 1, %(snippet_chars)s),
       b.cheap
       + (CASE WHEN e.head_exact LIKE %(head)s THEN 4 ELSE 0 END)
       + (CASE WHEN e.text_tsv @@ phraseto_tsquery('simple', %(phrase)s) THEN 2 ELSE 0 END)
       AS score
FROM best b JOIN search_searchentry e ON e.page_id = b.page_id
WHERE (SELECT p.live FROM wagtailcore_page p WHERE p.id = b.page_id)
ORDER BY score DESC, b.popularity DESC, b.title
LIMIT %(limit)s OFFSET %(offset)s)
"""
_FILTERED = """f AS MATERIALIZED (
    SELECT page_id, popularity, title, {cheap} AS cheap FROM search_searchentry e
    WHERE e.kind = %(kind)s AND e.text_tsv @@ to_tsquery('simple', %(q)s)
    LIMIT %(count_limit)s
),"""
_FILTERED_COUNT = """UNION ALL
SELECT 'f', %(kind)s, count(*)::int, NULL::int, NULL, NULL, NULL, NULL, NULL::int FROM f"""

_HINTS = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; "
_RESET = "; RESET enable_seqscan; RESET enable_indexscan"


def _run(sql: str, params: dict) -> list[list[tuple]]:
    """Runs several statements in one round trip (psycopg's client-side binding sends them
    as one simple query); returns the rows of each statement that returns rows."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        raw = cursor.cursor
        results = []
        while True:
            if raw.description is not None:
                results.append(raw.fetchall())
            if not raw.nextset():
                return results


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _title_score_sql(query: str, tokens: list[str]) -> tuple[str, dict[str, object]]:
    """The same points as DatabaseBackend._title_score: the query as typed, as whole words in
    the title (16); the folded phrase in the title (8) and at its start (4); each word in the
    title (1). Tokens and padded words are letters and digits only (no LIKE wildcard)."""
    phrase = " ".join(tokens)
    exact = padded_exact(query)
    params: dict[str, object] = {"t_exact": f"%{exact}%" if exact else "\x00",
                                 "t_phrase": f"% {phrase} %", "t_start": f" {phrase}%"}
    parts = ["(CASE WHEN e.title_exact LIKE %(t_exact)s THEN 16 ELSE 0 END)",
             "(CASE WHEN e.title_folded LIKE %(t_phrase)s THEN 8 ELSE 0 END)",
             "(CASE WHEN e.title_folded LIKE %(t_start)s THEN 4 ELSE 0 END)"]
    for index, token in enumerate(tokens):
        params[f"t_{index}"] = f"% {token}%"
        parts.append(f"(CASE WHEN e.title_folded LIKE %(t_{index})s THEN 1 ELSE 0 END)")
    return " + ".join(parts), params


def tsquery(tokens: list[str]) -> str:
    """`w1 & w2 & w3:*`: every word but the last is a whole word of the text, the last starts
    one (the user may still be typing it). Whole words are exact GIN lookups, which skip
    through each other's posting lists; a prefix expands into a bitmap of every word it
    starts, several times the work for a common word. Tokens are letters and digits only."""
    return " & ".join([*tokens[:-1], f"{tokens[-1]}:*"])


def search_page_pg(query: str, tokens: list[str], kind: str | None, offset: int, limit: int,
                   *, snippets: bool = True) -> tuple[dict[str, int], int | None, list[tuple]]:
    """({kind: matches among the first COUNT_LIMIT + 1}, matches of `kind` up to
    COUNT_LIMIT + 1 (None without a kind), the page's rows: page_id, kind, title, url, meta,
    body head (empty without `snippets`), score), from one round trip. Candidates grow with
    the page asked for."""
    depth = max(RANK_DEPTH, offset + limit)
    cheap, params = _title_score_sql(query, tokens)
    params.update(q=tsquery(tokens), count_limit=max(COUNT_LIMIT + 1, depth),
                  title_tier=max(TITLE_TIER, depth),
                  depth=depth, snippet_chars=SNIPPET_SOURCE_CHARS if snippets else 0,
                  phrase=" ".join(tokens), head=f"%{_like(nfc_lower(' '.join(query.split())))}%",
                  limit=limit, offset=offset, kind=kind or "")
    sql = _HINTS + _SQL.format(
        cheap=cheap, f="f" if kind else "m", kind_e="e.kind = %(kind)s AND" if kind else "",
        filtered=_FILTERED.format(cheap=cheap) if kind else "",
        filtered_count=_FILTERED_COUNT if kind else "")
    if connection.in_atomic_block:  # SET LOCAL would otherwise last to the end of it
        sql += _RESET
    (rows,) = _run(sql, params)
    counts = {row[1]: row[2] for row in rows if row[0] == "c"}
    filtered = next((row[2] for row in rows if row[0] == "f"), None)
    hits = [(row[3], row[1], *row[4:]) for row in rows if row[0] == "h"]
    return counts, filtered, hits


def unmatched_tokens_pg(tokens: list[str]) -> set[str]:
    """The tokens that match no indexed word the way the search matches them (whole words,
    the last one as a word start), in one statement over the GIN index."""
    sql = (_HINTS + "SELECT t FROM unnest(%(tokens)s::text[], %(terms)s::text[]) AS u(t, term) "  # noqa: S608 - constants only
           "WHERE NOT EXISTS (SELECT 1 FROM search_searchentry "
           "WHERE text_tsv @@ to_tsquery('simple', term))")
    if connection.in_atomic_block:
        sql += _RESET
    terms = [*tokens[:-1], f"{tokens[-1]}:*"]
    (rows,) = _run(sql, {"tokens": tokens, "terms": terms})
    return {row[0] for row in rows}


def trigram_candidates_pg(token: str, limit: int = 20) -> list[str]:
    """The vocabulary's words most like `token` (pg_trgm similarity ≥ 0.3, best first), in one
    round trip: the threshold as a transaction-local setting rather than a `set_limit()` query
    of its own, and the trigram index rather than a scan of every word (at 100,000 items the
    planner picked the scan, computing trigrams of 100,040 words: ≈ 70 ms of CPU a typo)."""
    sql = ("SET LOCAL pg_trgm.similarity_threshold = 0.3; SET LOCAL enable_seqscan = off; "
           "SELECT word FROM search_searchword WHERE word %% %(token)s "
           "ORDER BY similarity(word, %(token)s) DESC, word LIMIT %(limit)s")
    if connection.in_atomic_block:
        sql += "; RESET pg_trgm.similarity_threshold; RESET enable_seqscan"
    (rows,) = _run(sql, {"token": token, "limit": limit})
    return [row[0] for row in rows]


def ranked_ids_pg(query: str, tokens: list[str], kind: str | None, limit: int) -> list[int]:
    """The best `limit` page ids (the library's text box), ranked like a results page."""
    _counts, _filtered, rows = search_page_pg(query, tokens, kind, 0, limit, snippets=False)
    return [row[0] for row in rows]
