"""School admins and pupils' accounts: a new password for one pupil or a whole class, printed
on a page to hand out (many pupils have no phone or email), and lifting sign-in lockouts.
Platform administrators also see locked addresses. Outside the admin's pupils: 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lms.http import client_address
from lms.units.access import requires
from lms.units.capabilities import Capability
from lms.units.models import RoleKind, Unit
from lms.units.permissions import role_paths

from . import lockout
from .models import User
from .permissions import (
    ACCOUNT_ADMIN,
    can_manage_class_accounts,
    is_account_admin,
    pupils_managed_by,
)
from .services import passwords
from .services.lockout import account_unlock, address_unlock


def _admin_or_404(request) -> None:
    if not is_account_admin(request.user):
        raise Http404


@requires(Capability.MANAGE_PUPIL_ACCOUNTS)
def classes(request):
    _admin_or_404(request)
    units = Unit.objects.filter(kind__is_class=True)
    if not request.user.is_superuser:
        units = units.in_subtrees(role_paths(request.user, ACCOUNT_ADMIN))
    return render(request, "accounts/admin_classes.html",
                  {"classes": list(units.order_by("path")[:500])})


def _class_pupils(user, unit: Unit):
    return (User.objects.filter(pupils_managed_by(user)).filter(
        roles__unit=unit, roles__kind=RoleKind.LEARNER, roles__ended_at__isnull=True)
        .distinct().order_by("name_key", "username"))


@requires(Capability.MANAGE_PUPIL_ACCOUNTS)
@never_cache
@require_http_methods(["GET", "POST"])
def class_accounts(request, unit_id: int):
    unit = get_object_or_404(Unit.objects.select_related("kind"), pk=unit_id)
    if not can_manage_class_accounts(request.user, unit):
        raise Http404
    pupils = list(_class_pupils(request.user, unit))
    by_id = {p.pk: p for p in pupils}
    if request.method == "POST":
        chosen = _chosen(request, by_id)
        ip = client_address(request)
        if request.POST.get("action") == "unlock":
            for pupil in chosen:
                passwords.account_unlock_by_admin(actor=request.user, user=pupil, ip=ip)
            messages.success(request, _("Đã mở khóa đăng nhập."))
            return redirect("accounts:admin_class", unit_id=unit.pk)
        if request.POST.get("action") == "reset":
            issued = passwords.passwords_set_by_admin(actor=request.user, learners=chosen, ip=ip)
            return render(request, "accounts/admin_passwords_print.html",
                          {"unit": unit, "issued": issued})
        raise Http404
    locked = lockout.locked_usernames([p.username for p in pupils])
    return render(request, "accounts/admin_class.html", {
        "unit": unit, "rows": [{"pupil": p, "locked": p.username in locked} for p in pupils]})


def _chosen(request, by_id: dict[int, User]) -> list[User]:
    """The pupils ticked (or the one button pressed); anything not this class's pupil: 404."""
    raw = request.POST.getlist("learner")
    if not raw:
        raise Http404
    chosen = []
    for value in raw:
        if not value.isdigit() or int(value) not in by_id:
            raise Http404
        chosen.append(by_id[int(value)])
    return list(dict.fromkeys(chosen))


@requires(Capability.MANAGE_PUPIL_ACCOUNTS)
@never_cache
@require_http_methods(["GET", "POST"])
def lockouts(request):
    """Locked accounts the admin may unlock (a school admin: their pupils; a platform admin:
    every account and address)."""
    _admin_or_404(request)
    user = request.user
    if request.method == "POST":
        ip = client_address(request)
        username = request.POST.get("username", "")
        address = request.POST.get("address", "")
        if username:
            target = User.objects.filter(pupils_managed_by(user), username=username).first()
            if target is not None:
                passwords.account_unlock_by_admin(actor=user, user=target, ip=ip)
            elif user.is_superuser:
                account = User.objects.filter(username=username).first()
                if account is not None:
                    passwords.account_unlock_by_admin(actor=user, user=account, ip=ip)
                else:
                    account_unlock(username)
            else:
                raise Http404
        elif address and user.is_superuser:
            address_unlock(address)
        else:
            raise Http404
        messages.success(request, _("Đã mở khóa đăng nhập."))
        return redirect("accounts:admin_lockouts")
    locked = lockout.locked_usernames()
    if user.is_superuser:
        accounts = {u.username: u for u in User.objects.filter(username__in=list(locked))}
        rows = [{"key": key, "user": accounts.get(key), "failures": n}
                for key, n in sorted(locked.items())]
        addresses = sorted(lockout.locked_addresses().items())
    else:
        mine = User.objects.filter(pupils_managed_by(user), username__in=list(locked))
        rows = [{"key": u.username, "user": u, "failures": locked[u.username]}
                for u in mine.order_by("name_key", "pk")]
        addresses = []
    return render(request, "accounts/admin_lockouts.html",
                  {"rows": rows, "addresses": addresses})
