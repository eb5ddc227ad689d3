"""Career guidance pages: the programme's front page, occupation profiles and the interest
questionnaire (anonymous allowed; saved for signed-in users)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from lms.units.access import public, signed_in

from . import riasec, selectors, services
from .forms import QuestionnaireForm
from .models import QuestionnaireResult
from .permissions import employer_of


@public
@require_GET
def index(request):
    user = request.user
    latest = (QuestionnaireResult.objects.filter(user=user).first()
              if user.is_authenticated else None)
    return render(request, "careers/index.html", {
        "occupations": selectors.live_occupations(),
        "postings": selectors.open_postings()[:5],
        "latest_result": latest,
        "employer": employer_of(user),
    })


@public
@require_GET
def occupation(request, slug):
    occ = get_object_or_404(selectors.live_occupations(), slug=slug)
    return render(request, "careers/occupation.html", {
        "occupation": occ,
        "scales": [(letter, riasec.SCALES[letter][0]) for letter in occ.riasec_code],
        "courses": occ.related_courses.live().order_by("title"),
        "library_items": occ.related_library_items.live().order_by("title"),
        "postings": selectors.open_postings(occupation_slug=occ.slug)[:10],
    })


def _result_context(scores: dict, code: str) -> dict:
    suggestions = selectors.occupation_suggestions(code)
    bars = sorted(((letter, riasec.SCALES[letter][0], scores.get(letter, 0),
                    round(100 * scores.get(letter, 0) / riasec.MAX_PER_SCALE))
                   for letter in riasec.LETTERS), key=lambda bar: -bar[2])
    return {
        "code": code, "bars": bars, "max_score": riasec.MAX_PER_SCALE,
        "code_scales": [(letter, *riasec.SCALES[letter]) for letter in code],
        "suggestions": suggestions,
        "courses": selectors.course_suggestions([occ for occ, _match in suggestions]),
    }


@public
@require_http_methods(["GET", "POST"])
def questionnaire(request):
    form = QuestionnaireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if request.user.is_authenticated:
            result, _created = services.questionnaire_result_save(user=request.user,
                                                                  answers=form.cleaned_data)
            return redirect("careers:result", result_id=result.pk)
        scored = riasec.score(form.cleaned_data)
        return render(request, "careers/result.html", {**_result_context(scored.scores,
                                                                         scored.code),
                                                       "saved": False})
    return render(request, "careers/questionnaire.html", {
        "form": form, "fields": [form[key] for key in riasec.STATEMENT_KEYS],
    }, status=400 if form.errors else 200)


@signed_in
@require_GET
def result(request, result_id):
    row = QuestionnaireResult.objects.filter(pk=result_id, user=request.user).first()
    if row is None:  # only the person who took it sees it
        raise Http404
    return render(request, "careers/result.html", {**_result_context(row.scores, row.code),
                                                   "saved": True, "result": row})

