"""One phone rule everywhere (issue 17 item 6): "912 345 678" was accepted by roster import and
adult registration but refused by parent registration; every caller now uses phone_normalise."""

import pytest

from lms.accounts.backends import identifier_query
from lms.common.phone import phone_normalise
from lms.families.forms import ParentCreateForm, ParentRegisterForm
from lms.recognition.forms import HouseholdForm
from lms.roster.cleaning import CellError, clean_phone

SPELLINGS = ["0912345678", "0912 345 678", "912 345 678", "912345678", "0912.345.678",
             "0912-345-678", "+84 912 345 678", "+84912345678", "84912345678",
             "(+84) 912-345-678", "0084 912 345 678", " 0912 345 678 "]
REFUSED = ["", "12", "abc", "0212345678", "091234567", "09123456789", "0612345678",
           "0912abc345", "+1 912 345 678"]


@pytest.mark.parametrize("typed", SPELLINGS)
def test_every_spelling_of_a_mobile_number_is_one_number(typed):
    assert phone_normalise(typed) == "0912345678"


@pytest.mark.parametrize("typed", REFUSED)
def test_what_is_not_a_vietnamese_mobile_number_is_refused(typed):
    assert phone_normalise(typed) == ""


def test_excel_number_cell_without_its_leading_zero():
    assert phone_normalise(912345678) == "0912345678"
    assert clean_phone(912345678.0) == "0912345678"


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["912 345 678", "+84 912.345.678"])
def test_912_345_678_is_accepted_everywhere(typed):
    register = ParentRegisterForm(data={"code": "ABCDE-FGH23", "full_name": "Lê Thị Hoa",
                                        "phone": typed, "password": "mat-khau-dai-1"})
    register.is_valid()
    assert "phone" not in register.errors
    assert register.cleaned_data["phone"] == "0912345678"
    invite = ParentCreateForm(data={"full_name": "Lê Thị Hoa", "phone": typed})
    assert invite.is_valid(), invite.errors
    assert invite.cleaned_data["phone"] == "0912345678"
    assert clean_phone(typed) == "0912345678"
    assert identifier_query(typed).children == [("phone", "0912345678")]


def test_roster_refuses_a_landline():
    with pytest.raises(CellError):
        clean_phone("0212 345 678")


@pytest.mark.django_db
def test_household_head_found_by_any_spelling(django_user_model):
    head = django_user_model.objects.create_user(username="chuho", phone="0912345678")
    form = HouseholdForm(data={"name": "Hộ ông Bình", "head_phone": "912 345 678"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["head_phone"] == head
