from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from portal.models import StaticPage


def site(request):
    """What the site shell needs on every page: the language switcher and the footer links."""
    current = get_language()
    path = request.get_full_path()
    languages = [
        {"code": code, "name": _native_names[code], "url": translate_url(path, code), "current": code == current}
        for code, _name in settings.LANGUAGES
    ]
    return {
        "site_languages": languages,
        "site_url": settings.SITE_URL,
        # Lazy: only pages that render the footer pay for this query.
        "footer_pages": lambda: list(StaticPage.objects.filter(show_in_footer=True)),
    }


# Each language is named in itself, so a reader finds their own whatever the page's language.
_native_names = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}
