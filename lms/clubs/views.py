from django.http import HttpResponse


def index(request):  # placeholder until the feature lands
    return HttpResponse("Câu lạc bộ khởi nghiệp")
