"""Public pages: what the titles are, adult self-registration, the public list per commune."""

from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.http import client_address
from lms.units.access import public
from lms.units.models import Unit

from . import selectors
from .forms import AdultRegisterForm
from .models import RecognitionKind
from .permissions import top_managed_units
from .services.registration import RegistrationError, adult_register

MIN_YEAR, MAX_YEAR = 2000, 2100


def year_or_404(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    return year


@public
def index(request):
    managed = top_managed_units(request.user) if request.user.is_authenticated else []
    return render(request, "recognition/index.html", {
        "lists": selectors.public_lists(), "managed": managed,
        "year": timezone.localdate().year, "kinds": RecognitionKind.choices})


@public
def register(request):
    form = AdultRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = adult_register(full_name=data["full_name"], phone=data["phone"],
                                  email=data["email"], password=data["password"],
                                  date_of_birth=data["date_of_birth"], commune=data["commune"],
                                  sex=data.get("sex", ""),
                                  client_id="ip:" + client_address(request))
        except RegistrationError as exc:
            form.add_error(exc.field, str(exc))
        else:
            login(request, user, backend="lms.accounts.backends.PhoneOrEmailBackend")
            messages.success(request, _("Đã tạo tài khoản. Lần sau, hãy đăng nhập bằng số "
                                        "điện thoại %(phone)s và mật khẩu của bạn.")
                             % {"phone": user.phone})
            return redirect("courses:my_learning")
    return render(request, "recognition/register.html", {"form": form},
                  status=400 if form.errors else 200)


@public
def public_list(request, code: str, year: int):
    year_or_404(year)
    lookup = {"admin_code": int(code)} if code.isdigit() else {"code": code}
    commune = Unit.objects.filter(kind__code="commune", **lookup).first()
    if commune is None:
        raise Http404
    lists = selectors.public_list(commune, year)
    labels = dict(RecognitionKind.choices)
    return render(request, "recognition/public_list.html", {
        "commune": commune, "year": year,
        "groups": [(labels[k], names) for k, names in lists.items()]})
