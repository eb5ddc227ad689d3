"""The search index: one row per published, public course, lesson or library item.

Text is stored folded by `lms.common.text.vn_fold` (the same function folds queries), padded with
spaces so " word" is a word-prefix match and " w1 w2 " a phrase, with the same LIKE on SQLite and
PostgreSQL (where a pg_trgm GIN index serves it; see migration 0002)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    COURSE = "course", _("Khóa học")
    LESSON = "lesson", _("Bài học")
    LIBRARY = "library", _("Thư viện")


class SearchEntry(models.Model):
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, primary_key=True,
                                related_name="search_entry")
    kind = models.CharField(max_length=10, choices=Kind.choices, db_index=True)
    title = models.CharField(max_length=255)
    title_exact = models.CharField(max_length=255)  # padded NFC lower-case words (accents kept)
    title_folded = models.CharField(max_length=600)  # padded folded words
    meta = models.CharField(max_length=300, blank=True)  # programme, authors, type: one line
    body = models.TextField(blank=True)  # plain text as written, for snippets
    # The body's opening, NFC lower case: "the phrase as typed, accents included" is then a
    # plain substring test, not a lower() of every candidate's text per search.
    head_exact = models.TextField(blank=True, default="")
    text_folded = models.TextField()  # padded folded title + meta + tags + body: what matches
    url = models.CharField(max_length=500)
    popularity = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("mục tìm kiếm")

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"


class SearchWord(models.Model):
    """The title vocabulary for "did you mean": every folded word of an indexed title, kept as
    entries are indexed (a full reindex rebuilds it). On PostgreSQL a pg_trgm index serves the
    similarity search; re-splitting every title per typo would cost more than the search."""

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        verbose_name = _("từ tìm kiếm")
        verbose_name_plural = _("từ tìm kiếm")

    def __str__(self) -> str:
        return self.word
