from django.http import HttpResponse


def index(request):  # placeholder until the feature lands
    return HttpResponse("Công dân học tập")
