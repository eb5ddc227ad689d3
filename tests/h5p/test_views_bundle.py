"""Issue 18 (H5P row): a package's installed libraries reach the player as one bundled script and
one stylesheet, compressed at build time, immutable, addressed by content hash, served by the
content origin only and built from installed library files only."""

import gzip
import io
import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from courses.h5p.bundles import Bundle, package_bundle
from courses.h5p.demo_package import build_demo_package
from courses.h5p.services import h5p_package_store
from tests.h5p.packages import demo_version, demo_with, probe_package

pytestmark = pytest.mark.django_db
CONTENT = {"HTTP_HOST": "noidung.testserver"}
ACTIVITY = "http://testserver/xapi/activities/lessons/7/h5p/3"
DEMO_JS = Path(__file__).resolve().parents[2] / (
    "courses/h5p/demo_content/H5P.HocMoTrueFalse-1.0/hocmo-true-false.js")


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def package(h5p_root):
    return h5p_package_store(io.BytesIO(build_demo_package()), install_libraries=True)


def _get(client, url, **headers):
    return client.get(url, **CONTENT, **headers)


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_bundle_served_compressed_and_immutable_from_the_content_origin(client, package):
    bundle = package_bundle(package)
    assert bundle.js and bundle.css
    url = f"/h5p/b/{bundle.js}.js"

    gz = _get(client, url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert gz.status_code == 200
    assert gz["Content-Encoding"] == "gzip"
    assert gz["Cache-Control"] == "public, max-age=31536000, immutable"
    assert gz["Content-Type"].startswith("text/javascript")
    assert "Accept-Encoding" in gz["Vary"]
    plain = gzip.decompress(_body(gz))
    assert plain.startswith(b"void 0;\n")
    # Content-addressed: the name is the SHA-256 of the bytes.
    import hashlib

    assert hashlib.sha256(plain).hexdigest() == bundle.js
    assert "Set-Cookie" not in gz and "default-src 'none'" in gz["Content-Security-Policy"]

    br = _get(client, url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert br["Content-Encoding"] == "br"
    import brotli

    assert brotli.decompress(_body(br)) == plain

    identity = _get(client, url)
    assert not identity.has_header("Content-Encoding")
    assert _body(identity) == plain

    css = _get(client, f"/h5p/b/{bundle.css}.css", HTTP_ACCEPT_ENCODING="gzip")
    assert css.status_code == 200 and css["Content-Type"].startswith("text/css")
    assert b".hocmo-tf" in gzip.decompress(_body(css))


def test_site_serves_no_bundle(client, package):
    bundle = package_bundle(package)
    assert client.get(f"/h5p/b/{bundle.js}.js").status_code == 404
    assert client.get("/h5p/lib/H5P.HocMoTrueFalse-1.0.0/hocmo-true-false.js").status_code == 404


def test_unknown_bundle_is_404(client, package):
    assert _get(client, "/h5p/b/" + "0" * 64 + ".js").status_code == 404
    assert _get(client, "/h5p/b/" + "0" * 64 + ".exe").status_code == 404


def test_bundle_holds_installed_library_files_only(client, package, h5p_root):
    """A teacher's package carrying its own (altered) copy of an installed library: the copy is
    not installed, and the bundle is made of the installed files."""
    altered = demo_with(**{"H5P.HocMoTrueFalse-1.0/hocmo-true-false.js":
                           b"window.stolen = document.cookie;",
                           "content/content.json": b'{"question": "khac"}'})
    other = h5p_package_store(altered, install_libraries=False)
    assert other.sha256 != package.sha256
    bundle = package_bundle(other)
    js = (h5p_root / "bundles" / f"{bundle.js}.js").read_bytes()
    assert b"window.stolen" not in js
    assert DEMO_JS.read_bytes() in js
    assert bundle == package_bundle(package)  # same installed libraries, same bundle
    assert bundle.covered == (("H5P.HocMoTrueFalse-1.0", "hocmo-true-false.js"),
                              ("H5P.HocMoTrueFalse-1.0", "hocmo-true-false.css"))


def test_bundle_skips_paths_leaving_the_library_folder(package, h5p_root):
    lib = package.libraries.get()
    lib.definition = {**lib.definition, "preloadedJs": [{"path": "../../packages/x.js"},
                                                       {"path": "hocmo-true-false.js"}]}
    lib.save()
    (h5p_root / "packages" / "x.js").write_bytes(b"window.outside = 1;")
    from courses.h5p.bundles import bundle_build

    bundle = bundle_build(package, [lib])
    js = (h5p_root / "bundles" / f"{bundle.js}.js").read_bytes()
    assert b"window.outside" not in js
    assert bundle.covered[0] == ("H5P.HocMoTrueFalse-1.0", "hocmo-true-false.js")


def test_upgraded_library_gives_a_new_bundle_key(client, package, h5p_root):
    before = package_bundle(package)
    upgraded = h5p_package_store(demo_version(1, script=b"window.upgraded = 1;"),
                                 install_libraries=True)
    after = package_bundle(upgraded)
    assert after.js != before.js
    assert b"window.upgraded = 1;" in (h5p_root / "bundles" / f"{after.js}.js").read_bytes()
    # The old bundle stays (its files are immutable) for the package still using 1.0.0.
    assert package_bundle(package) == before
    assert (h5p_root / "bundles" / f"{before.js}.js").is_file()
    # The frame of the new package names the new bundle.
    frame = _get(client, f"/h5p/play/{upgraded.sha256}/?activity={quote(ACTIVITY, safe='')}")
    assert f"/h5p/b/{after.js}.js" in frame.content.decode()


def test_bundle_rebuilt_when_files_are_gone(package, h5p_root):
    """The set record points at bundle files; if they are removed they are built again."""
    from django.core.cache import cache

    bundle = package_bundle(package)
    for path in (h5p_root / "bundles").glob(f"{bundle.js}.js*"):
        path.unlink()
    cache.clear()
    assert package_bundle(package) == bundle
    assert (h5p_root / "bundles" / f"{bundle.js}.js.gz").is_file()


def test_player_frame_preloads_the_bundle_and_carries_the_library_json(client, package):
    bundle = package_bundle(package)
    response = _get(client, f"/h5p/play/{package.sha256}/?activity={quote(ACTIVITY, safe='')}")
    page = response.content.decode()
    assert f'<link rel="preload" as="script" href="/h5p/b/{bundle.js}.js">' in page
    assert f'<link rel="preload" as="style" href="/h5p/b/{bundle.css}.css">' in page
    assert f'data-bundle-js="/h5p/b/{bundle.js}.js"' in page
    boot = json.loads(re.search(r'<script id="h5p-boot" type="application/json">(.*?)</script>',
                                page, re.S).group(1))
    assert boot["manifest"]["mainLibrary"] == "H5P.HocMoTrueFalse"
    assert boot["libraries"]["H5P.HocMoTrueFalse-1.0"]["machineName"] == "H5P.HocMoTrueFalse"
    assert [tuple(p) for p in boot["covered"]] == list(bundle.covered)
    # Still the strict, sandboxed frame.
    assert "sandbox allow-scripts" in response["Content-Security-Policy"]


def test_library_file_by_exact_version(client, package):
    ok = _get(client, "/h5p/lib/H5P.HocMoTrueFalse-1.0.0/hocmo-true-false.css")
    assert ok.status_code == 200 and ok["Cache-Control"].endswith("immutable")
    assert _get(client, "/h5p/lib/H5P.HocMoTrueFalse-1.0.7/hocmo-true-false.css"
                ).status_code == 404
    assert _get(client, "/h5p/lib/H5P.HocMoTrueFalse-1.0.0/../../packages/x").status_code == 404
    assert _get(client, "/h5p/lib/H5P.HocMoTrueFalse-1.0.0/library.php").status_code == 404


def test_stylesheet_urls_point_at_the_library_by_exact_version(package, h5p_root):
    from courses.h5p.bundles import _rewrite_css_urls

    lib = package.libraries.get()
    css = ("a{background:url(img/a.png)} b{src:url('../fonts/f.woff')} "
           'c{x:url("data:image/png;base64,AA")} d{x:url(/abs.png)} e{x:url(../../escape.png)}')
    out = _rewrite_css_urls(css, lib, "styles/x.css", {lib.folder: lib.key})
    assert "url(/h5p/lib/H5P.HocMoTrueFalse-1.0.0/styles/img/a.png)" in out
    assert "url('/h5p/lib/H5P.HocMoTrueFalse-1.0.0/fonts/f.woff')" in out
    assert 'url("data:image/png;base64,AA")' in out and "url(/abs.png)" in out
    assert "url(../../escape.png)" in out  # not a library of the bundle: left as written


def test_probe_library_bundle(package, h5p_root):
    """A content type without stylesheets: a script bundle and no stylesheet."""
    probe = h5p_package_store(probe_package(), install_libraries=True)
    bundle = package_bundle(probe)
    assert isinstance(bundle, Bundle) and bundle.js and bundle.css == ""


def _boot(client, package) -> dict:
    page = _get(client, f"/h5p/play/{package.sha256}/?activity={quote(ACTIVITY, safe='')}"
                ).content.decode()
    return json.loads(re.search(r'<script id="h5p-boot" type="application/json">(.*?)</script>',
                                page, re.S).group(1))


def test_player_frame_carries_a_small_content_json(client, package, h5p_root):
    """Issue 18: content.json rides in the frame page (one round trip less on slow data)."""
    stored = (h5p_root / "packages" / package.sha256 / "content" / "content.json").read_text()
    assert _boot(client, package)["content"] == stored


def test_player_frame_leaves_a_large_content_json_to_its_request(client, package, h5p_root,
                                                                monkeypatch):
    from courses.h5p import views

    monkeypatch.setattr(views, "CONTENT_INLINE_MAX", 10)
    assert _boot(client, package)["content"] is None
    content = _get(client, f"/h5p/p/{package.sha256}/content/content.json")
    assert content.status_code == 200


def test_player_frame_styles_itself_inline_to_stay_within_six_requests(client, package):
    page = _get(client, f"/h5p/play/{package.sha256}/?activity={quote(ACTIVITY, safe='')}"
                ).content.decode()
    assert "h5p/frame.css" not in page and ".h5p-mount{min-height:4rem}" in page
