"""The signed-in user kept in each worker's memory (lms/accounts/usercache.py, issue 18): no
query for the account row on a warm request, and still no weaker than reading it every time —
a deactivated account or a changed password is refused on the very next request."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.accounts.models import User
from lms.accounts.usercache import user_generations_bump
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PRIVATE_PAGE = "courses:my_learning"  # @signed_in: anonymous is sent to sign in


@pytest.fixture
def user(db):
    return UserFactory(username="hs.cache", full_name="Phạm Minh Châu")


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    assert client.get(reverse(PRIVATE_PAGE)).status_code == 200  # the row is now kept
    return client


def _user_row_read(client) -> bool:
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse(PRIVATE_PAGE))
    return any("accounts_user" in q["sql"] and "WHERE id =" in q["sql"]
               for q in ctx.captured_queries)


def test_warm_request_reads_no_account_row(user):
    client = _signed_in(user)
    assert not _user_row_read(client)


def test_deactivated_user_is_refused_on_the_next_request(user):
    client = _signed_in(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    response = client.get(reverse(PRIVATE_PAGE))
    assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_changed_password_ends_other_sessions_on_the_next_request(user):
    client = _signed_in(user)
    fresh = User.objects.get(pk=user.pk)  # another request's copy: the change page, an admin
    fresh.set_password("mat-khau-moi-2026")
    fresh.save()
    response = client.get(reverse(PRIVATE_PAGE))
    assert response.status_code == 302 and reverse("accounts:login") in response.url
    assert "_auth_user_id" not in client.session  # flushed, as Django does


def test_changed_password_through_the_change_page_keeps_only_that_session(user):
    client, other = _signed_in(user), _signed_in(user)
    response = client.post(reverse("accounts:password_change"), {
        "old_password": "mat-khau-thu", "new_password1": "Mot-mat-khau-moi-2026",
        "new_password2": "Mot-mat-khau-moi-2026"})
    assert response.status_code == 302
    assert client.get(reverse(PRIVATE_PAGE)).status_code == 200  # update_session_auth_hash
    response = other.get(reverse(PRIVATE_PAGE))
    assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_deleted_user_is_signed_out(user):
    client = _signed_in(user)
    User.objects.filter(pk=user.pk).delete()
    assert client.get(reverse(PRIVATE_PAGE)).status_code == 302


def test_raw_writes_bump_the_generation(user):
    client = _signed_in(user)
    User.objects.filter(pk=user.pk).update(full_name="Tên mới")  # no post_save
    user_generations_bump([user.pk])  # what a raw-SQL writer (roster import) does
    assert _user_row_read(client)
    assert "Tên mới" in client.get(reverse(PRIVATE_PAGE)).content.decode()


def test_lost_generation_is_a_miss_not_a_hit(user):
    from django.core.cache import cache

    client = _signed_in(user)
    cache.clear()  # Redis flushed or the token evicted: the kept row is not trusted
    assert _user_row_read(client) or "_auth_user_id" not in client.session


def test_each_request_gets_its_own_user_object(user):
    from lms.accounts.backends import AccountBackend

    first = AccountBackend().get_user(user.pk)
    first.marked = True
    second = AccountBackend().get_user(user.pk)
    assert second is not first and not hasattr(second, "marked")


def test_a_token_read_with_the_session_applies_only_to_its_user(user):
    """The session store reads the token of the user it last saw under that session key: if
    the session now names someone else, that token is not used for them."""
    from lms.accounts.sessions import cached_db

    other = UserFactory(username="hs.khac")
    client = _signed_in(user)
    key = client.session.session_key
    cached_db._user_of_session[key] = other.pk  # a stale belief about the session's user
    user.is_active = False
    user.save(update_fields=["is_active"])
    response = client.get(reverse(PRIVATE_PAGE))
    assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_the_session_store_reads_session_and_token_together(user):
    from lms.accounts.sessions import cached_db

    client = _signed_in(user)
    store = cached_db.SessionStore(client.session.session_key)
    assert store.get("_auth_user_id") == str(user.pk)
    assert store.user_generation is not None and store.user_generation[0] == user.pk
