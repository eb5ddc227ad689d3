"""State changes for the library: text extraction, reading list, reading progress, reads."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone

from .files import library_storage, sniff_kind
from .models import Extraction, ItemStats, ItemText, LibraryItemPage, ReadingListEntry


def files_key(names: list[str]) -> str:
    """What ItemText remembers as extracted: the item's file names (main first), so adding or
    replacing any file extracts again. Fits the 255-character column."""
    import hashlib

    key = "|".join(names)
    return key if len(key) <= 255 else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def library_item_file_published(item: LibraryItemPage) -> bool:
    """Called when an item is published: queues extraction when its file changed since the last
    extraction. Returns True when a task was queued."""
    from .tasks import library_item_extract

    file_name = files_key(item.file_names())
    text, _created = ItemText.objects.get_or_create(item_id=item.pk)
    if text.file_name == file_name and text.status in (Extraction.DONE, Extraction.NONE):
        return False
    ItemText.objects.filter(pk=text.pk).update(
        status=Extraction.PENDING if file_name else Extraction.NONE, progress=0, error="")
    item_id = item.pk
    transaction.on_commit(lambda: library_item_extract.delay(item_id))
    return True


def library_item_extract_text(item_id: int) -> str:
    """Extracts the text of the item's live file into ItemText; idempotent (a file already
    extracted is not read again) and then refreshes the item's search entry."""
    from search.services import search_entry_refresh

    from .extract import extract_text

    item = LibraryItemPage.objects.filter(pk=item_id).first()
    if item is None:
        return "missing"
    text, _created = ItemText.objects.get_or_create(item_id=item_id)
    names = item.file_names()
    file_name = files_key(names)
    if text.file_name == file_name and text.status == Extraction.DONE:
        return "unchanged"
    rows = ItemText.objects.filter(pk=text.pk)
    if not file_name:
        rows.update(status=Extraction.NONE, progress=0, text="", file_name="", error="")
        search_entry_refresh(item_id)
        return Extraction.NONE
    rows.update(status=Extraction.RUNNING, progress=0, error="")
    try:
        parts = []
        for index, name in enumerate(names):
            with library_storage.open(name, "rb") as handle:
                kind, _mime = sniff_kind(handle)
            parts.append(extract_text(
                library_storage.path(name), kind or "",
                # mypy cannot infer a lambda with a default argument
                progress=lambda p, i=index: rows.update(  # type: ignore[misc]
                    progress=(i * 100 + p) // len(names))))
        extracted = "\n\n".join(part for part in parts if part)
    except OSError:
        raise  # the task retries: the file may still be arriving on shared storage
    except Exception as exc:  # a broken PDF/EPUB must not retry forever; record why
        rows.update(status=Extraction.FAILED, error=str(exc)[:300])
        return Extraction.FAILED
    rows.update(status=Extraction.DONE, progress=100, text=extracted, file_name=file_name)
    search_entry_refresh(item_id)
    return Extraction.DONE


def library_item_read(item: LibraryItemPage) -> None:
    """Counts one read/download: a single UPDATE (or the first INSERT)."""
    if not ItemStats.objects.filter(item_id=item.pk).update(read_count=F("read_count") + 1):
        try:
            with transaction.atomic():
                ItemStats.objects.create(item_id=item.pk, read_count=1)
        except IntegrityError:  # a concurrent first read created it
            ItemStats.objects.filter(item_id=item.pk).update(read_count=F("read_count") + 1)


def reading_list_add(*, user, item: LibraryItemPage) -> tuple[ReadingListEntry, bool]:
    return ReadingListEntry.objects.get_or_create(user=user, item=item)


def reading_list_remove(*, user, item: LibraryItemPage) -> bool:
    deleted, _ = ReadingListEntry.objects.filter(user=user, item=item).delete()
    return bool(deleted)


def reading_progress_record(*, user, item: LibraryItemPage, percent: int) -> ReadingListEntry:
    """Adds the item to the reading list if needed and raises its progress; never lowers it."""
    if not 0 <= percent <= 100:
        raise ValueError("percent must be within 0–100")
    entry, _created = reading_list_add(user=user, item=item)
    ReadingListEntry.objects.filter(pk=entry.pk).update(
        percent=Greatest(F("percent"), percent), last_read_at=timezone.now())
    entry.refresh_from_db()
    return entry
