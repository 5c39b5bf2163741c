from django.http import Http404


def training_feed_ics(request):
    raise Http404  # issue #6


def training_feed_atom(request):
    raise Http404  # issue #6


def training_ics(request, slug):
    raise Http404  # issue #6
