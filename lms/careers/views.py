from django.http import HttpResponse


def index(request):  # placeholder until the feature lands
    return HttpResponse("Hướng nghiệp và việc làm")
