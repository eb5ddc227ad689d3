"""The SCORM test kit itself: good packages are complete, parseable zips whose manifests point
at files they carry; each hostile package has exactly the hostile feature it is named for."""

import io
import posixpath
import stat
import zipfile

import pytest
from defusedxml import DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import ParseError, fromstring

from courses.scorm import testkit
from courses.scorm.testkit import hostile

CP12 = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
CP2004 = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
GOOD = {
    "scorm12": (testkit.scorm12_package, CP12, "1.2"),
    "scorm2004_4th": (testkit.scorm2004_package, CP2004, "2004 4th Edition"),
    "scorm2004_multi": (testkit.scorm2004_multi_sco_package, CP2004, "2004 3rd Edition"),
    "demo": (testkit.demo_package, CP12, "1.2"),
}


def _manifest(package: bytes):
    return fromstring(testkit.package_files(package)["imsmanifest.xml"])


def _launch_paths(root, ns: str) -> list[str]:
    """Each SCO's launch file resolved through xml:base (manifest, resources, resource)."""
    resources = root.find(f"{ns}resources")
    paths = []
    for resource in resources.findall(f"{ns}resource"):
        if resource.get("href") is None:
            continue
        base = (root.get(XML_BASE, "") + resources.get(XML_BASE, "")
                + resource.get(XML_BASE, ""))
        paths.append(posixpath.normpath(base + resource.get("href")))
    return paths


@pytest.mark.parametrize("name", GOOD)
def test_good_package_is_a_sound_zip_whose_manifest_names_files_it_carries(name):
    build, ns, schema_version = GOOD[name]
    package = build()
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
    root = _manifest(package)
    assert root.find(f"{ns}metadata/{ns}schemaversion").text == schema_version
    launches = _launch_paths(root, ns)
    assert launches and all(path in names for path in launches)
    for launch in launches:
        html = testkit.package_files(package)[launch].decode("utf-8")
        assert "Trang tiếp" in html and 'lang="vi"' in html
        assert "<script>" not in html  # no inline script: the content origin's CSP
        for script in ("js/scorm-api.js", "js/sco.js"):
            assert script in names


def test_same_arguments_give_the_same_bytes():
    assert testkit.scorm12_package() == testkit.scorm12_package()
    assert testkit.demo_package() != testkit.scorm12_package()


def test_scorm12_mastery_score_and_xml_base():
    root = _manifest(testkit.scorm12_package(mastery_score=70))
    item = root.find(f"{CP12}organizations/{CP12}organization/{CP12}item")
    assert item.find("{http://www.adlnet.org/xsd/adlcp_rootv1p2}masteryscore").text == "70"
    assert _launch_paths(root, CP12) == ["res/index.html"]


@pytest.mark.parametrize("schema_version", ["CAM 1.3", "2004 3rd Edition", "2004 4th Edition"])
def test_scorm2004_editions_and_passing_score(schema_version):
    package = testkit.scorm2004_package(schema_version=schema_version, passing_score=0.6)
    root = _manifest(package)
    assert root.find(f"{CP2004}metadata/{CP2004}schemaversion").text == schema_version
    measure = root.find(".//{http://www.imsglobal.org/xsd/imsss}minNormalizedMeasure")
    assert measure.text == "0.6"
    assert "metadata.xml" in testkit.package_files(package)


def test_multi_sco_package_has_three_scos_in_one_organisation_with_flow_and_choice():
    package = testkit.scorm2004_multi_sco_package()
    root = _manifest(package)
    organisations = root.findall(f"{CP2004}organizations/{CP2004}organization")
    assert len(organisations) == 1
    items = organisations[0].findall(f"{CP2004}item")
    assert [item.get("identifier") for item in items] == list(testkit.MULTI_SCO_ITEMS)
    mode = organisations[0].find(".//{http://www.imsglobal.org/xsd/imsss}controlMode")
    assert mode.get("flow") == "true" and mode.get("choice") == "true"
    files = testkit.package_files(package)
    assert 'data-target="ITEM-GIOI-THIEU"' in files["sco3/index.html"].decode()
    assert b"adl.nav.request" in files["js/sco.js"]


def test_sco_script_uses_both_apis_and_walks_parents_and_opener():
    script = testkit.package_files(testkit.scorm12_package())["js/scorm-api.js"].decode()
    for needle in ("win.parent", "global.opener", "LMSInitialize", "Initialize", "LMSFinish",
                   "Terminate", "API_1484_11"):
        assert needle in script


def _members(package: bytes) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return archive.infolist()


def test_hostile_zip_features():
    assert any(".." in m.filename for m in _members(hostile.zip_slip_package()))
    assert any(m.filename.startswith("/") for m in _members(hostile.absolute_path_package()))
    bomb = next(m for m in _members(hostile.zip_bomb_package())
                if m.filename == hostile.BOMB_NAME)
    assert bomb.file_size / bomb.compress_size > 500
    link = next(m for m in _members(hostile.symlink_package())
                if m.filename == hostile.SYMLINK_NAME)
    assert stat.S_ISLNK(link.external_attr >> 16)
    assert len(_members(hostile.too_many_files_package(count=3000))) > 3000
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(hostile.not_a_zip_package()))


def test_hostile_manifest_features():
    names = [m.filename for m in _members(hostile.missing_manifest_package())]
    assert "imsmanifest.xml" not in names and "res/index.html" in names
    assert "bai-giang/imsmanifest.xml" in testkit.package_files(
        hostile.nested_manifest_package())
    with pytest.raises(ParseError):
        _manifest(hostile.malformed_manifest_package())
    for build in (hostile.xxe_manifest_package, hostile.billion_laughs_package):
        with pytest.raises((EntitiesForbidden, DTDForbidden)):
            _manifest(build())


@pytest.mark.parametrize(("build", "href"), [
    (hostile.launch_outside_package, "../../../etc/passwd"),
    (hostile.launch_remote_package, "http://evil.example/sco.html"),
    (hostile.launch_javascript_package, "javascript:alert(document.cookie)"),
])
def test_hostile_launch_hrefs(build, href):
    root = _manifest(build())
    assert href in [r.get("href") for r in root.iter(f"{CP12}resource")]


def test_missing_resource_file_and_disallowed_types():
    files = testkit.package_files(hostile.missing_resource_file_package())
    assert "res/index.html" not in files
    assert 'href="index.html"' in files["imsmanifest.xml"].decode()
    for extension in ("exe", "php", "sh"):
        assert f"res/tool.{extension}" in testkit.package_files(
            hostile.disallowed_file_package(extension))


def test_every_hostile_package_builds():
    for name, build in testkit.HOSTILE_PACKAGES.items():
        assert isinstance(build(), bytes), name
