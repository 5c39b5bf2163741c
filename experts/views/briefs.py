from django.http import Http404


def send_brief(request, slug):
    raise Http404  # issue #3: the brief to a trainer
