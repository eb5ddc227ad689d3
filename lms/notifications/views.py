"""In-app notifications, channel preferences and the login-free unsubscribe link."""

from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.units.access import public, signed_in

from .forms import PreferenceForm
from .selectors import notifications_for, unread_count
from .services import (
    notifications_mark_read,
    preference_for,
    preferences_save,
    unsubscribe_apply,
)


@signed_in
def inbox(request):
    return render(request, "notifications/inbox.html", {
        "notifications": notifications_for(request.user),
        "unread": unread_count(request.user),
    })


@signed_in
@require_POST
def mark_read(request):
    notifications_mark_read(request.user)
    return redirect("notifications:inbox")


@signed_in
def preferences(request):
    pref = preference_for(request.user)
    form = PreferenceForm(request.POST or None, instance=pref,
                          initial={"language": request.user.preferred_language})
    if request.method == "POST" and form.is_valid():
        preferences_save(user=request.user, preference=form.save(commit=False),
                         language=form.cleaned_data["language"])
        messages.success(request, _("Đã lưu cài đặt thông báo."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form},
                  status=400 if form.errors else 200)


@public
def unsubscribe(request, token: str):
    """Works without signing in: the signed token names the user."""
    try:
        signing.loads(token, salt="hocmo.notifications.unsubscribe")
    except signing.BadSignature:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        unsubscribe_apply(token)
        return render(request, "notifications/unsubscribe.html", {"done": True})
    return render(request, "notifications/unsubscribe.html", {"token": token})
