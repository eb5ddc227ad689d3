"""imsmanifest.xml text for the test packages, shaped like the exports Vietnamese teachers
upload: iSpring Suite (SCORM 1.2, res/ folder, masteryscore), Articulate (2004 4th edition,
scormcontent/, minNormalizedMeasure, metadata in a separate file) and Captivate (2004 3rd
edition, several SCOs, flow and choice)."""

from dataclasses import dataclass
from html import escape

NS_12 = (
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd '
    'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd '
    'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"')
NS_2004 = (
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" '
    'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" '
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd '
    'http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd '
    'http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd '
    'http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd '
    'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"')
SCHEMA_VERSIONS_2004 = ("CAM 1.3", "2004 3rd Edition", "2004 4th Edition")


@dataclass(frozen=True)
class ManifestItem:
    identifier: str
    title: str
    resource: str  # identifierref
    href: str  # the launch file, relative to the resource's xml:base
    files: tuple[str, ...]  # relative to the resource's xml:base
    xml_base: str = ""
    parameters: str = ""


def _files(item: ManifestItem) -> str:
    return "".join(f'\n      <file href="{escape(path)}"/>' for path in item.files)


def _base(xml_base: str) -> str:
    return f' xml:base="{escape(xml_base)}"' if xml_base else ""


def _shared_resource(identifier: str, files: tuple[str, ...], *, scorm_type: str) -> str:
    listed = "".join(f'\n      <file href="{escape(path)}"/>' for path in files)
    return (f'    <resource identifier="{identifier}" type="webcontent" '
            f'{scorm_type}="asset">{listed}\n    </resource>')


def manifest_12(*, identifier: str, title: str, item: ManifestItem, shared: tuple[str, ...],
                mastery_score: int | None = 80, extra_files: tuple[str, ...] = ()) -> str:
    """SCORM 1.2, one SCO, as iSpring Suite exports it (with an inline LOM title)."""
    mastery = (f"\n        <adlcp:masteryscore>{mastery_score}</adlcp:masteryscore>"
               if mastery_score is not None else "")
    params = f' parameters="{escape(item.parameters)}"' if item.parameters else ""
    extra = "".join(f'\n      <file href="{escape(p)}"/>' for p in extra_files)
    sco_resource = (f'<resource identifier="{item.resource}" type="webcontent" '
                    f'adlcp:scormtype="sco" href="{escape(item.href)}"{_base(item.xml_base)}>'
                    f"{_files(item)}{extra}")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{identifier}" version="1.0" {NS_12}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">
      <general><title><langstring xml:lang="vi">{escape(title)}</langstring></title></general>
    </lom>
  </metadata>
  <organizations default="{identifier}_ORG">
    <organization identifier="{identifier}_ORG">
      <title>{escape(title)}</title>
      <item identifier="{item.identifier}" identifierref="{item.resource}" isvisible="true"{params}>
        <title>{escape(item.title)}</title>{mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    {sco_resource}
      <dependency identifierref="SHARED_FILES"/>
    </resource>
{_shared_resource("SHARED_FILES", shared, scorm_type="adlcp:scormtype")}
  </resources>
</manifest>
"""


def _item_sequencing(passing_score: float | None) -> str:
    if passing_score is None:
        return ""
    return f"""
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="PRIMARYOBJ" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>{passing_score}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>"""


def manifest_2004(*, identifier: str, title: str, items: tuple[ManifestItem, ...],
                  shared: tuple[str, ...], schema_version: str = "2004 4th Edition",
                  passing_scores: dict[str, float] | None = None, choice: bool = True,
                  flow: bool = True, metadata_file: str = "", xml_base: str = "") -> str:
    """SCORM 2004 (2nd "CAM 1.3", 3rd or 4th edition), one organisation, one item per SCO,
    flow/choice control mode; `passing_scores` maps an item to its minNormalizedMeasure
    (cmi.scaled_passing_score)."""
    passing_scores = passing_scores or {}
    metadata = (f"\n    <adlcp:location>{escape(metadata_file)}</adlcp:location>"
                if metadata_file else "")
    organisation_items = "".join(
        f'\n      <item identifier="{item.identifier}" identifierref="{item.resource}">'
        f"\n        <title>{escape(item.title)}</title>"
        f"{_item_sequencing(passing_scores.get(item.identifier))}\n      </item>"
        for item in items)
    resources = "".join(
        f'\n    <resource identifier="{item.resource}" type="webcontent" adlcp:scormType="sco" '
        f'href="{escape(item.href)}"{_base(item.xml_base)}>{_files(item)}'
        f'\n      <dependency identifierref="SHARED_FILES"/>\n    </resource>'
        for item in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{identifier}" version="1"{_base(xml_base)} {NS_2004}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>{escape(schema_version)}</schemaversion>{metadata}
  </metadata>
  <organizations default="{identifier}_ORG">
    <organization identifier="{identifier}_ORG" adlseq:objectivesGlobalToSystem="false">
      <title>{escape(title)}</title>{organisation_items}
      <imsss:sequencing>
        <imsss:controlMode choice="{str(choice).lower()}" flow="{str(flow).lower()}"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>{resources}
{_shared_resource("SHARED_FILES", shared, scorm_type="adlcp:scormType")}
  </resources>
</manifest>
"""


def lom_metadata(title: str, description: str) -> str:
    """A separate LOM metadata file (adlcp:location), as Articulate and Captivate write."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <title><string language="vi">{escape(title)}</string></title>
    <language>vi</language>
    <description><string language="vi">{escape(description)}</string></description>
  </general>
</lom>
"""
