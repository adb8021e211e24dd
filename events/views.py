from django.http import HttpResponse


def incident_list(request):
    return HttpResponse("")
