"""E-mails to users: in the recipient's language, with a plain-text and an HTML part, sent only once
the transaction that caused them has committed (a rolled-back change sends nothing)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def render_html_part(subject, text_body):
    """The HTML part of any e-mail: the plain text, linked and set in the portal's simple letterhead."""
    return render_to_string("emails/base.html", {"subject": subject, "body": text_body, "site_url": settings.SITE_URL})


def build_message(template, recipient_email, language, context, attachments=()):
    """templates/emails/<template>_subject.txt and <template>.txt, rendered in ``language``;
    ``attachments`` are (file name, content, MIME type)."""
    with translation.override(language):
        context = {"site_url": settings.SITE_URL, "cabinet_url": absolute_url(reverse("accounts:cabinet")), **context}
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        body = render_to_string(f"emails/{template}.txt", context)
        html = render_html_part(subject, body)
    message = EmailMultiAlternatives(subject, body, to=[recipient_email])
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    return message


def send_to_user(user, template, context):
    """Send an e-mail to one user, in the language they chose for e-mails."""
    send_to_address(user.email, user.preferred_language, template, {"user": user, **context})


def send_to_address(email, language, template, context, attachments=()):
    """Send an e-mail to anyone, account or not (an event's registrant), in ``language``."""
    message = build_message(template, email, language, context, attachments)
    # robust: a mail server that is down is logged; it must not turn the saved change into an error page
    # (the change is committed by then) nor stop the other recipients' e-mails.
    transaction.on_commit(message.send, robust=True)


def send_to_users(users, template, context):
    for user in users:
        send_to_user(user, template, context)
