"""The test kit's packages through the app's validation: every good package is accepted with
the version, edition, SCOs and passing scores it was built with; every hostile one is refused
with a message naming its defect (never accepted, never another exception)."""

import io

import pytest

from courses.scorm import testkit
from courses.scorm.validation import PackageInvalid, validate_scorm

GOOD = [
    (testkit.scorm12_package, "1.2", "", [("HOCMO_SCORM12_ITEM", "res/index.html")]),
    (testkit.demo_package, "1.2", "", [("HOCMO_DEMO_MANG_XA_HOI_ITEM", "res/index.html")]),
    (testkit.scorm2004_package, "2004", "4th",
     [("HOCMO_SCORM2004_ITEM", "scormcontent/index.html")]),
    (lambda: testkit.scorm2004_package(schema_version="CAM 1.3"), "2004", "2nd",
     [("HOCMO_SCORM2004_ITEM", "scormcontent/index.html")]),
    (testkit.scorm2004_multi_sco_package, "2004", "3rd",
     [(item, f"sco{n}/index.html") for n, item in enumerate(testkit.MULTI_SCO_ITEMS, 1)]),
]
# What each refusal must mention (its defect), Vietnamese source strings.
HOSTILE_MESSAGES = {
    "zip_slip": "..", "absolute_path": "/etc/hocmo-absolute.html", "zip_bomb": "bom nén",
    "symlink": "symlink", "missing_manifest": "imsmanifest.xml",
    "nested_manifest": "bai-giang", "malformed_manifest": "XML",
    "xxe_manifest": "ENTITY", "billion_laughs": "ENTITY",
    "launch_outside": "../../../etc/passwd", "launch_remote": "http://evil.example",
    "launch_javascript": "javascript:", "missing_resource_file": "res/index.html",
    "disallowed_exe": ".exe", "disallowed_php": ".php", "disallowed_sh": ".sh",
    "too_many_files": "5000", "not_a_zip": "zip",
}


@pytest.mark.parametrize(("build", "version", "edition", "scos"), GOOD)
def test_good_packages_are_accepted(build, version, edition, scos):
    manifest = validate_scorm(io.BytesIO(build())).manifest
    assert (manifest["version"], manifest["edition"]) == (version, edition)
    assert [(s["identifier"], s["href"]) for s in manifest["scos"]] == scos


def test_passing_scores_are_read():
    scos = validate_scorm(io.BytesIO(testkit.scorm12_package(mastery_score=70))).manifest["scos"]
    assert scos[0]["masteryscore"] == 70
    scos = validate_scorm(io.BytesIO(testkit.scorm2004_package(passing_score=0.6))
                          ).manifest["scos"]
    assert scos[0]["scaled_passing_score"] == 0.6


def test_every_hostile_package_has_an_expected_message():
    assert set(HOSTILE_MESSAGES) == set(testkit.HOSTILE_PACKAGES)


@pytest.mark.parametrize("name", sorted(testkit.HOSTILE_PACKAGES))
def test_hostile_packages_are_refused_naming_the_defect(name):
    with pytest.raises(PackageInvalid) as refused:
        validate_scorm(io.BytesIO(testkit.HOSTILE_PACKAGES[name]()))
    assert HOSTILE_MESSAGES[name] in " ".join(refused.value.errors)
