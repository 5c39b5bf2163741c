from django.http import Http404


def signup(request):
    raise Http404  # issue #4
