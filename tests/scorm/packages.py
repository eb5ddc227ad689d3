"""Tiny SCORM packages built in memory for the server's tests (the full test kit with real
SCOs is courses/scorm/testkit.py)."""

import io
import zipfile

SCO_HTML = "<!doctype html><title>SCO</title><script>/* finds API */</script><p>Bài 1</p>"

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="M12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG">
    <organization identifier="ORG"><title>Khởi nghiệp</title>
      <item identifier="ITEM1" identifierref="RES1"><title>Bài giảng 1</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES1" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>"""

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="M2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>{schemaversion}</schemaversion></metadata>
  <organizations default="ORG">
    <organization identifier="ORG"><title>Kỹ năng số</title>
      <item identifier="PART" ><title>Phần 1</title>
        <item identifier="SCO1" identifierref="R1" parameters="?lang=vi"><title>Mở đầu</title>
          <imsss:sequencing><imsss:objectives>
            <imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives></imsss:sequencing>
        </item>
        <item identifier="SCO2" identifierref="R2"><title>Luyện tập</title>
          <adlcp:completionThreshold>0.8</adlcp:completionThreshold>
        </item>
      </item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="R1" type="webcontent" adlcp:scormType="sco" href="one.html"/>
    <resource identifier="R2" type="webcontent" adlcp:scormType="sco" href="two.html"/>
    <resource identifier="SHARED" type="webcontent" adlcp:scormType="asset"/>
  </resources>
</manifest>"""


def build_zip(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return buffer.getvalue()


def scorm12_zip(manifest: str = MANIFEST_12, extra: dict | None = None) -> bytes:
    return build_zip({"imsmanifest.xml": manifest, "index.html": SCO_HTML,
                      "style.css": "p{color:red}", **(extra or {})})


def scorm2004_zip(schemaversion: str = "2004 4th Edition") -> bytes:
    return build_zip({"imsmanifest.xml": MANIFEST_2004.format(schemaversion=schemaversion),
                      "content/one.html": SCO_HTML, "content/two.html": SCO_HTML})
