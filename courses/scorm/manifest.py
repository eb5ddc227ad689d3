"""Reads imsmanifest.xml into the plain structure the player and the server use.

Parsed with defusedxml: no DTD entities, no external references, no network, so an XXE or a
"billion laughs" manifest is refused, never expanded. Elements are matched by local name, so
the many namespace spellings authoring tools write (imscp_rootv1p1p2, imscp_v1p1, adlcp_rootv1p2,
adlcp_v1p3, imsss, adlseq, adlnav) all read the same.

The result (stored in ScormPackage.manifest):
    {"version": "1.2" | "2004", "edition": "" | "2nd" | "3rd" | "4th",
     "schemaversion": "...as written...", "default_organization": "ORG-1",
     "organizations": [{"identifier", "title", "items": [item, ...]}],
     "scos": [item with a launch, in tree order, of the default organisation]}
    item = {"identifier", "title", "href" (with parameters, relative to the package root, or
            ""), "scorm_type": "sco" | "asset" | "", "masteryscore": float | None (1.2, 0–100),
            "scaled_passing_score": float | None (2004, -1–1), "completion_threshold",
            "data_from_lms", "visible": bool, "children": [item, ...]}"""

import posixpath
import re
from urllib.parse import urlsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.utils.translation import gettext as _

from lms.common.zip_packages import PackageInvalid

MANIFEST = "imsmanifest.xml"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
MAX_ITEMS = 2000
MAX_DEPTH = 20
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:|//)", re.IGNORECASE)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, name: str) -> list:
    return [child for child in element if _local(child.tag) == name]


def _child(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _text(element, name: str) -> str:
    child = _child(element, name) if element is not None else None
    return (child.text or "").strip() if child is not None else ""


def _attr(element, name: str) -> str:
    """An attribute by local name in any namespace (adlcp:scormtype, adlcp:scormType)."""
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return value.strip()
    return ""


def _number(value: str) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def detect_version(root) -> tuple[str, str, str]:
    """(version, edition, schemaversion as written). SCORM 2004's editions: "CAM 1.3" is the
    2nd, "2004 3rd Edition" and "2004 4th Edition" say so; without a schemaversion the adlcp
    namespace decides."""
    written = _text(_child(root, "metadata"), "schemaversion") \
        if _child(root, "metadata") is not None else ""
    lowered = written.lower()
    if lowered == "1.2":
        return "1.2", "", written
    if lowered in ("cam 1.3", "2004 2nd edition"):
        return "2004", "2nd", written
    if "2004" in lowered and "3rd" in lowered:
        return "2004", "3rd", written
    if "2004" in lowered and "4th" in lowered:
        return "2004", "4th", written
    namespaces = " ".join([root.tag, *root.attrib.keys(),
                           *(el.tag for el in root.iter() if isinstance(el.tag, str))])
    if "adlcp_v1p3" in namespaces or "imsss" in namespaces:
        return "2004", "", written
    if "adlcp_rootv1p2" in namespaces or "imscp_rootv1p1p2" in namespaces:
        return "1.2", "", written
    raise PackageInvalid([_("imsmanifest.xml: không nhận ra phiên bản SCORM (schemaversion "
                            "“%(version)s”); chỉ hỗ trợ SCORM 1.2 và SCORM 2004.")
                          % {"version": written}])


def _join_base(*parts: str) -> str:
    path = ""
    for part in parts:
        if not part:
            continue
        path = part if _EXTERNAL.match(part) or part.startswith("/") else path + part
    return path


def _with_parameters(href: str, parameters: str) -> str:
    """IMS CP: parameters starting with ? or # are appended; otherwise joined with ? or &."""
    if not parameters:
        return href
    if parameters.startswith("#"):
        return href + parameters
    parameters = parameters.lstrip("?&")
    return href + ("&" if "?" in href else "?") + parameters


def _resources(root, file_names: set[str], errors: list[str]) -> dict[str, dict]:
    container = _child(root, "resources")
    if container is None:
        errors.append(_("imsmanifest.xml: thiếu phần <resources>."))
        return {}
    base = container.attrib.get(XML_BASE, "")
    found = {}
    for resource in _children(container, "resource"):
        identifier = resource.attrib.get("identifier", "")
        href = resource.attrib.get("href", "").strip()
        full = _join_base(base, resource.attrib.get(XML_BASE, ""), href) if href else ""
        if full and (_EXTERNAL.match(full) or full.startswith("/")):
            errors.append(_("imsmanifest.xml: tài nguyên %(id)s trỏ ra ngoài gói (%(href)s); "
                            "mọi tệp phải nằm trong gói.") % {"id": identifier, "href": full})
            continue
        path = posixpath.normpath(urlsplit(full).path) if full else ""
        if full and path not in file_names:
            errors.append(_("imsmanifest.xml: tài nguyên %(id)s khai báo tệp %(href)s nhưng gói "
                            "không có tệp này.") % {"id": identifier, "href": path})
            continue
        found[identifier] = {"href": full,
                             "scorm_type": _attr(resource, "scormtype").lower()}
    return found


def _item(element, resources: dict, depth: int, counter: list[int], errors: list[str]) -> dict:
    counter[0] += 1
    if counter[0] > MAX_ITEMS or depth > MAX_DEPTH:
        raise PackageInvalid([_("imsmanifest.xml: cây mục lục quá lớn hoặc quá sâu.")])
    ref = element.attrib.get("identifierref", "")
    resource = resources.get(ref) if ref else None
    if ref and resource is None:
        errors.append(_("imsmanifest.xml: mục %(id)s trỏ tới tài nguyên %(ref)s không có trong "
                        "<resources>.") % {"id": element.attrib.get("identifier", ""),
                                           "ref": ref})
    href = _with_parameters(resource["href"], element.attrib.get("parameters", "").strip()) \
        if resource and resource["href"] else ""
    sequencing = _child(element, "sequencing")
    objectives = _child(sequencing, "objectives") if sequencing is not None else None
    primary = _child(objectives, "primaryObjective") if objectives is not None else None
    passing = None
    if primary is not None and _attr(primary, "satisfiedByMeasure").lower() == "true":
        passing = _number(_text(primary, "minNormalizedMeasure") or "1.0")
    threshold = _child(element, "completionThreshold")
    threshold_value = None
    if threshold is not None:
        threshold_value = _number((threshold.text or "").strip() or _attr(threshold,
                                                                        "minProgressMeasure"))
    return {
        "identifier": element.attrib.get("identifier", ""),
        "title": _text(element, "title")[:255],
        "href": href,
        "scorm_type": resource["scorm_type"] if resource else "",
        "masteryscore": _number(_text(element, "masteryscore")),
        "scaled_passing_score": passing,
        "completion_threshold": threshold_value,
        "data_from_lms": (_text(element, "datafromlms") or _text(element, "dataFromLMS"))[:4096],
        "visible": element.attrib.get("isvisible", "true").lower() != "false",
        "children": [_item(child, resources, depth + 1, counter, errors)
                     for child in _children(element, "item")],
    }


def launchable(items: list[dict]) -> list[dict]:
    """Items with something to launch, in tree (delivery) order."""
    found = []
    for item in items:
        if item["href"]:
            found.append({key: value for key, value in item.items() if key != "children"})
        found.extend(launchable(item["children"]))
    return found


def parse_manifest(raw: bytes, file_names: set[str]) -> dict:
    """Raises PackageInvalid naming every problem found. `file_names`: the package's files."""
    try:
        root = fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise PackageInvalid([_("imsmanifest.xml: khai báo thực thể (ENTITY) hoặc tham chiếu "
                                "ngoài không được phép.")]) from None
    except (ParseError, ValueError) as exc:
        raise PackageInvalid([_("imsmanifest.xml: không phải XML hợp lệ (%(error)s).")
                              % {"error": exc}]) from None
    if _local(root.tag) != "manifest":
        raise PackageInvalid([_("imsmanifest.xml: phần tử gốc phải là <manifest>.")])
    version, edition, written = detect_version(root)
    errors: list[str] = []
    resources = _resources(root, file_names, errors)
    container = _child(root, "organizations")
    organizations = []
    counter = [0]
    for org in _children(container, "organization") if container is not None else []:
        organizations.append({
            "identifier": org.attrib.get("identifier", ""),
            "title": _text(org, "title")[:255],
            "items": [_item(item, resources, 1, counter, errors)
                      for item in _children(org, "item")],
        })
    default = container.attrib.get("default", "") if container is not None else ""
    chosen = next((o for o in organizations if o["identifier"] == default),
                  organizations[0] if organizations else None)
    if chosen is not None:
        scos = launchable(chosen["items"])
    else:
        # A package of resources only (allowed by IMS CP): its SCOs are launched in order.
        scos = [{"identifier": ident, "title": ident, "href": res["href"],
                 "scorm_type": res["scorm_type"], "masteryscore": None,
                 "scaled_passing_score": None, "completion_threshold": None,
                 "data_from_lms": "", "visible": True}
                for ident, res in resources.items() if res["href"] and res["scorm_type"] == "sco"]
    if not errors and not scos:
        errors.append(_("imsmanifest.xml: không có SCO hoặc tài nguyên nào để mở."))
    if errors:
        raise PackageInvalid(errors)
    return {"version": version, "edition": edition, "schemaversion": written,
            "title": (chosen or {}).get("title", "") or _text(_child(root, "metadata"), "title"),
            "default_organization": chosen["identifier"] if chosen else "",
            "organizations": organizations, "scos": scos}
