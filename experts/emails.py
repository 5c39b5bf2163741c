"""Account emails, rendered in the request's language and sent outside the request.

Rendering happens here (the caller chooses the language); the sending is a
task of Django's tasks framework, so a production queue retries failures.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string


@task
def deliver(subject, body, to):
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def send_templated(template_prefix, context, *, to):
    """Render `<prefix>_subject.txt` and `<prefix>.txt`, then queue the email."""
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}.txt", context)
    deliver.enqueue(subject, body, to)
