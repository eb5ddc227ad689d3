"""Elasticsearch backend built with elasticsearch-dsl.

Every text field is indexed twice: `title` / `body` with the `vn_original` analyzer
(lower case + asciifolding with preserve_original, so "khởi" is indexed as "khởi" AND "khoi") and
`title_folded` / `body_folded`, which hold `vn_fold()` output from Python, the same function
that folds the query (asciifolding alone also folds đ, but one function everywhere keeps every
backend in agreement). Exact-accent and phrase matches on the original fields score higher;
fuzzy matching on the folded fields takes typos; a term suggester gives "did you mean".

Point it at a cluster with HOCMO_SEARCH_BACKEND=elasticsearch and HOCMO_ELASTICSEARCH_URL,
then run `manage.py search_reindex` (creates the index with this mapping, then bulk-loads)."""

from django.conf import settings
from elasticsearch_dsl import Document, Integer, Keyword, Search, Text, analyzer, connections
from elasticsearch_dsl import Q as EQ

from lms.common.text import vn_fold, words

from ..highlight import highlight, snippet
from .base import Hit, Results

VN_ORIGINAL = analyzer(
    "vn_original", tokenizer="standard",
    filter=["lowercase", {"type": "asciifolding", "preserve_original": True}])
VN_FOLDED = analyzer("vn_folded", tokenizer="standard", filter=["lowercase"])


class SearchDocument(Document):
    kind = Keyword()
    title = Text(analyzer=VN_ORIGINAL, fields={"raw": Keyword()})
    title_folded = Text(analyzer=VN_FOLDED)
    info = Text(analyzer=VN_ORIGINAL)  # the entry's meta line ("meta" is reserved by the DSL)
    body = Text(analyzer=VN_ORIGINAL, term_vector="with_positions_offsets")
    body_folded = Text(analyzer=VN_FOLDED)
    url = Keyword(index=False)
    popularity = Integer()

    class Index:
        name = "hocmo-search"
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def index_name() -> str:
    return settings.HOCMO_ELASTICSEARCH_INDEX


def document_for(entry) -> SearchDocument:
    """The ES document of a SearchEntry (the database row stays the source of truth)."""
    doc = SearchDocument(
        meta={"id": entry.page_id, "index": index_name()},
        kind=entry.kind, title=entry.title, title_folded=vn_fold(entry.title), info=entry.meta,
        body=entry.body, body_folded=vn_fold(entry.body), url=entry.url,
        popularity=entry.popularity)
    return doc


def mapping() -> dict:
    """The index body (settings with analyzers, and mappings) `search_reindex` creates."""
    from elasticsearch_dsl import Index

    index = Index(index_name())
    index.settings(**SearchDocument.Index.settings)
    index.document(SearchDocument)
    return index.to_dict()


def build_search(query: str, kind: str | None = None, offset: int = 0,
                 limit: int = 20) -> Search:
    """The request for `query`: folded words must all match (title, meta or body); the query as
    typed (original fields) and phrases rank higher; fuzziness takes typos."""
    folded = " ".join(words(query))
    typed = " ".join(query.split())
    must = EQ("multi_match", query=folded, type="cross_fields", operator="and",
              fields=["title_folded^3", "info", "body_folded"])
    fuzzy = EQ("multi_match", query=folded, fuzziness="AUTO", operator="and",
               fields=["title_folded^3", "body_folded"])
    should = [
        EQ("match_phrase", title={"query": typed, "boost": 16}),
        EQ("match_phrase", title_folded={"query": folded, "boost": 8}),
        EQ("match_phrase", body={"query": typed, "boost": 4}),
        EQ("match_phrase", body_folded={"query": folded, "boost": 2}),
        EQ("match", title={"query": typed, "boost": 2}),
    ]
    search = Search(index=index_name()).query(
        "function_score",
        query=EQ("bool", must=[EQ("bool", should=[must, fuzzy], minimum_should_match=1)],
                 should=should),
        field_value_factor={"field": "popularity", "modifier": "log1p", "missing": 0},
        boost_mode="sum",
    )
    if kind:
        search = search.post_filter("term", kind=kind)
    search.aggs.bucket("kinds", "terms", field="kind")
    search = search.highlight("title", "body", fragment_size=200, number_of_fragments=1,
                              pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
    search = search.suggest("did_you_mean", folded, term={"field": "title_folded"})
    return search.extra(from_=offset, size=limit, track_total_hits=True)


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self):
        connections.create_connection(alias="default", hosts=[settings.HOCMO_ELASTICSEARCH_URL])

    def index(self, entry) -> None:
        document_for(entry).save(index=index_name())

    def delete(self, page_id: int) -> None:
        connections.get_connection().delete(index=index_name(), id=page_id, ignore=[404])

    def rebuild(self, entries) -> int:
        from elasticsearch.helpers import bulk

        client = connections.get_connection()
        client.indices.delete(index=index_name(), ignore_unavailable=True)
        body = mapping()
        client.indices.create(index=index_name(), settings=body.get("settings"),
                              mappings=body.get("mappings"))
        actions = (document_for(e).to_dict(include_meta=True) for e in entries)
        done, _errors = bulk(client, actions)
        return done

    def ids(self, query: str, kind: str | None = None, limit: int = 1000) -> list[int]:
        response = build_search(query, kind, 0, limit).source(False).execute()
        return [int(hit.meta.id) for hit in response]

    def search(self, query: str, kind: str | None = None, offset: int = 0,
               limit: int = 20) -> Results:
        tokens = words(query)
        response = build_search(query, kind, offset, limit).execute()
        results = Results(query=query, total=response.hits.total.value)
        results.counts = {b.key: b.doc_count for b in response.aggregations.kinds.buckets}
        for hit in response:
            marked = getattr(hit.meta, "highlight", None)
            results.hits.append(Hit(
                int(hit.meta.id), hit.kind, hit.title, hit.url, getattr(hit, "info", ""),
                marked.title[0] if marked and "title" in marked else str(highlight(hit.title,
                                                                                   tokens)),
                marked.body[0] if marked and "body" in marked else str(snippet(hit.body,
                                                                               tokens)),
                hit.meta.score or 0.0))
        options = [s.options[0].text if s.options else s.text
                   for s in response.suggest.did_you_mean]
        if options and options != tokens:
            results.suggestion = " ".join(options)
        return results

    def autocomplete(self, query: str, limit: int = 8) -> list[Hit]:
        return self.search(query, limit=limit).hits
