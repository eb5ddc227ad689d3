"""imsmanifest.xml → the structure the player and the server use, for each SCORM version."""

import pytest

from courses.scorm.manifest import parse_manifest
from lms.common.zip_packages import PackageInvalid

from .packages import MANIFEST_12, MANIFEST_2004


def test_scorm_12_single_sco_with_mastery_score():
    manifest = parse_manifest(MANIFEST_12.encode(), {"index.html"})
    assert (manifest["version"], manifest["edition"]) == ("1.2", "")
    assert manifest["default_organization"] == "ORG"
    assert manifest["title"] == "Khởi nghiệp"
    [sco] = manifest["scos"]
    assert sco["identifier"] == "ITEM1" and sco["href"] == "index.html"
    assert sco["scorm_type"] == "sco" and sco["masteryscore"] == 80.0


@pytest.mark.parametrize(("written", "edition"), [
    ("CAM 1.3", "2nd"), ("2004 3rd Edition", "3rd"), ("2004 4th Edition", "4th"),
])
def test_scorm_2004_editions(written, edition):
    raw = MANIFEST_2004.format(schemaversion=written).encode()
    manifest = parse_manifest(raw, {"content/one.html", "content/two.html"})
    assert (manifest["version"], manifest["edition"]) == ("2004", edition)
    assert manifest["schemaversion"] == written


def test_scorm_2004_nested_items_base_parameters_and_pass_marks():
    raw = MANIFEST_2004.format(schemaversion="2004 4th Edition").encode()
    manifest = parse_manifest(raw, {"content/one.html", "content/two.html"})
    [part] = manifest["organizations"][0]["items"]
    assert part["href"] == "" and [c["identifier"] for c in part["children"]] == ["SCO1", "SCO2"]
    one, two = manifest["scos"]
    assert one["href"] == "content/one.html?lang=vi"  # xml:base and parameters applied
    assert one["scaled_passing_score"] == 0.7
    assert two["completion_threshold"] == 0.8 and two["scaled_passing_score"] is None


def test_version_from_namespace_when_schemaversion_is_missing():
    raw = MANIFEST_12.replace("<schemaversion>1.2</schemaversion>", "").encode()
    assert parse_manifest(raw, {"index.html"})["version"] == "1.2"


def test_unknown_version_is_refused():
    raw = (MANIFEST_12.replace("<schemaversion>1.2</schemaversion>",
                               "<schemaversion>9.9</schemaversion>")
           .replace("adlcp_rootv1p2", "example/adlcp").replace("imscp_rootv1p1p2", "x"))
    with pytest.raises(PackageInvalid, match="phiên bản SCORM"):
        parse_manifest(raw.encode(), {"index.html"})


def test_xxe_entity_is_refused_not_expanded():
    raw = ('<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           + MANIFEST_12.split("?>", 1)[1].replace("Khởi nghiệp", "&xxe;"))
    with pytest.raises(PackageInvalid, match="ENTITY"):
        parse_manifest(raw.encode(), {"index.html"})


def test_billion_laughs_is_refused():
    raw = ('<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
           "<manifest>&b;</manifest>")
    with pytest.raises(PackageInvalid):
        parse_manifest(raw.encode(), set())


@pytest.mark.parametrize("href", ["https://evil.example/sco.html", "//evil.example/x.html",
                                  "javascript:alert(1)", "/etc/passwd"])
def test_external_or_absolute_hrefs_are_refused(href):
    raw = MANIFEST_12.replace('href="index.html">', f'href="{href}">')
    with pytest.raises(PackageInvalid, match="ngoài gói"):
        parse_manifest(raw.encode(), {"index.html"})


def test_launch_file_missing_from_the_package_is_refused():
    with pytest.raises(PackageInvalid, match="không có tệp này"):
        parse_manifest(MANIFEST_12.encode(), {"other.html"})


def test_not_xml_is_refused_with_a_message():
    with pytest.raises(PackageInvalid, match="XML"):
        parse_manifest(b"<manifest><unclosed></manifest>", set())
