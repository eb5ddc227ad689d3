"""The xAPI State and profile documents written (the resources, their preconditions and the
merge are in lms/xapi/documents.py)."""

import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Document


def document_etag(content: bytes) -> str:
    return hashlib.sha1(content).hexdigest()  # noqa: S324 - an ETag, not a security hash


def document_save(doc, lookup: dict, doc_id: str, content: bytes, content_type: str) -> None:
    """A State or profile document written (PUT, or POST after the merge): an UPDATE of the
    locked row, else an INSERT; a concurrent insert of the same id turns into the UPDATE."""
    values = {"content": content, "content_type": content_type[:255],
              "etag": document_etag(content), "updated": timezone.now()}
    if doc is not None:
        Document.objects.filter(pk=doc.pk).update(**values)
        return
    try:
        with transaction.atomic():
            Document.objects.create(**lookup, doc_id=doc_id, **values)
    except IntegrityError:
        Document.objects.filter(**lookup, doc_id=doc_id).update(**values)


def document_delete(doc: Document) -> None:
    doc.delete()


def documents_delete(lookup: dict) -> None:
    """Every State document of an agent and activity (DELETE without a stateId)."""
    Document.objects.filter(**lookup).delete()
