from django.http import HttpResponse


def index(request):  # placeholder until the feature lands
    return HttpResponse("Cuộc thi ý tưởng khởi nghiệp")
