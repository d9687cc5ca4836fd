"""Reading XML from outside safely: defusedxml refuses entities, external references and entity bombs."""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from planner.i18n import _
from planner.interchange.report import ImportReport


def parse_xml(data: bytes, report: ImportReport, *, where: str = "") -> Element | None:
    """The root element of an XML file, or None with the reason in `report`.

    Entity declarations (billion laughs, quadratic blowup) and external references (XXE) are refused before
    any of them is expanded or fetched; a plain DOCTYPE line without entities is allowed (some tools write one)."""
    place = where or _("the file")
    try:
        return SafeElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden:
        report.add(place, "", _("The XML declares entities; files with entity declarations are refused "
                                "(they can expand without limit)."))
    except ExternalReferenceForbidden:
        report.add(place, "", _("The XML refers to an external file or address; such files are refused "
                                "(nothing outside the file is read)."))
    except DTDForbidden:  # pragma: no cover - DTDs are allowed above; kept should that change
        report.add(place, "", _("The XML has a document type declaration, which is refused."))
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        report.add(place, "", _("This is not well-formed XML (line {line}, column {column}).").format(
            line=line, column=column + 1))
    except (ValueError, UnicodeError):
        report.add(place, "", _("This is not an XML file in a readable encoding."))
    return None


def local_name(element: Element) -> str:
    """An element's tag without its namespace: `{http://...}Task` → `Task`."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rpartition("}")[2]
