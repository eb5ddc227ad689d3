"""Telling teams their result when a round unit is published: each member and the mentor get
one notification per entry and round (in-app, and by email/SMS as each chose), saying whether
the entry goes on to the next round, won a prize, or where it ranked. Runs in a Celery task
after the publication committed; the dedupe key makes a re-run send nothing twice."""

from django.urls import reverse

from .models import EntryRound, RoundUnit
from .services import placement


def results_notify(round_unit_id: int) -> int:
    """Returns how many notifications were sent (0 when not published or already sent)."""
    from lms.notifications.models import Event
    from lms.notifications.services import notification_send

    round_unit = (RoundUnit.objects.select_related("round__contest", "unit")
                  .filter(pk=round_unit_id, published_at__isnull=False).first())
    if round_unit is None:
        return 0
    round_ = round_unit.round
    next_round = None
    if not round_.is_final():
        place = placement(round_.contest, round_unit.unit, after_order=round_.order)
        next_round = place[0].name if place else None
    sent = 0
    for entry_round in (EntryRound.objects.filter(round_unit=round_unit)
                        .select_related("entry__mentor")
                        .prefetch_related("entry__members__user")):
        entry = entry_round.entry
        outcome = ("prize" if entry_round.prize else
                   "promoted" if entry_round.promoted and next_round else "ranked")
        context = {"entry": entry.title, "round": round_.name, "unit": round_unit.unit.name,
                   "rank": entry_round.rank or "", "outcome": outcome, "prize": entry_round.prize,
                   "next_round": next_round or "",
                   "url": reverse("contests:entry_view", args=[entry.pk])}
        people = [member.user for member in entry.members.all()]
        if entry.mentor is not None:
            people.append(entry.mentor)
        for person in {p.pk: p for p in people}.values():
            if notification_send(person, Event.CONTEST_RESULT, context,
                                 dedupe_key=f"contest_result:{entry_round.pk}"):
                sent += 1
    return sent
