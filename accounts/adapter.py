"""django-allauth adapted to the portal: e-mails in the recipient's language and with an HTML part, and
a new account remembers the language it was created in."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from accounts.emails import render_html_part


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.preferred_language = translation.get_language() or user.preferred_language
        return super().save_user(request, user, form, commit)

    def send_mail(self, template_prefix, email, context):
        from accounts.models import User

        # A known user reads e-mails in the language they chose; anyone else in the page's language.
        user = User.objects.filter(email__iexact=email).only("preferred_language").first()
        language = user.preferred_language if user else translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers)
        if not getattr(message, "alternatives", None):
            message.attach_alternative(render_html_part(message.subject, message.body), "text/html")
        return message
