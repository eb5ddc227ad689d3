"""The Elasticsearch backend, tested by the mapping and the queries it builds (no cluster here)."""

import unicodedata

from search.backends.elastic import build_search, document_for, mapping
from search.models import SearchEntry


def _find(node, key):
    """Every value under `key` anywhere in a nested dict/list."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from _find(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from _find(v, key)


def test_mapping_folds_and_keeps_the_original_token():
    body = mapping()
    analyzers = body["settings"]["analysis"]["analyzer"]
    original = analyzers["vn_original"]
    assert original["tokenizer"] == "standard"
    assert original["filter"][0] == "lowercase"
    assert {"type": "asciifolding", "preserve_original": True} in original["filter"]
    props = body["mappings"]["properties"]
    assert props["title"]["analyzer"] == "vn_original"
    assert props["title_folded"]["analyzer"] == "vn_folded"
    assert props["body_folded"]["analyzer"] == "vn_folded"
    assert props["kind"]["type"] == "keyword"


def test_query_is_folded_by_vn_fold_and_ranks_the_typed_form_higher():
    query = unicodedata.normalize("NFD", "KHỞI NGHIỆP Đồng Nai")
    built = build_search(query, kind="library", offset=20, limit=10).to_dict()
    multi = list(_find(built, "multi_match"))
    assert {m["query"] for m in multi} == {"khoi nghiep dong nai"}
    assert any(m.get("fuzziness") == "AUTO" for m in multi)
    assert all(m["operator"] == "and" for m in multi)
    phrases = list(_find(built, "match_phrase"))
    title_typed = next(p["title"] for p in phrases if "title" in p)
    title_folded = next(p["title_folded"] for p in phrases if "title_folded" in p)
    assert title_typed["boost"] > title_folded["boost"]
    assert title_folded["query"] == "khoi nghiep dong nai"
    assert built["post_filter"] == {"term": {"kind": "library"}}
    assert built["aggs"]["kinds"]["terms"]["field"] == "kind"
    assert set(built["highlight"]["fields"]) == {"title", "body"}
    assert built["suggest"]["did_you_mean"]["term"]["field"] == "title_folded"
    assert (built["from"], built["size"]) == (20, 10)


def test_documents_carry_the_folded_text():
    entry = SearchEntry(page_id=7, kind="library", title="Đồng Nai 2025", meta="Văn bản",
                        body="Đào tạo nhân lực", url="/thu-vien/dong-nai/", popularity=3)
    doc = document_for(entry).to_dict(include_meta=True)
    assert doc["_id"] == 7
    assert doc["_source"]["title_folded"] == "dong nai 2025"
    assert doc["_source"]["body_folded"] == "dao tao nhan luc"
    assert doc["_source"]["info"] == "Văn bản"


def test_backend_is_chosen_by_setting(settings):
    from search.backends import get_backend

    assert get_backend().name == "database"
    settings.HOCMO_SEARCH_BACKEND = "elasticsearch"
    assert get_backend().name == "elasticsearch"  # builds a client; connects only when used
