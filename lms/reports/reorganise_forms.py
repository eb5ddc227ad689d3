from django import forms
from django.utils.translation import gettext_lazy as _

from lms.units.models import ChangeAction, Unit
from lms.units.permissions import reorganisation_destinations


class DestinationField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{'· ' * max(0, obj.depth - 1)}{obj.name} ({obj.kind.name})"


class ReorganiseForm(forms.Form):
    action = forms.ChoiceField(label=_("Thao tác"), choices=ChangeAction.choices,
                               widget=forms.RadioSelect, initial=ChangeAction.MOVE)
    destination = DestinationField(
        label=_("Đơn vị đích"), queryset=Unit.objects.none(),
        help_text=_("Chuyển: đơn vị cha mới. Sáp nhập: đơn vị tiếp nhận."))

    def __init__(self, *args, user, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["destination"]
        assert isinstance(field, DestinationField)
        field.queryset = reorganisation_destinations(user, unit).order_by("path")
