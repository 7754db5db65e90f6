from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def soms(value):
    """An amount in soms, grouped in the page's locale: "97 000 000 сом" / "97,000,000 soms"."""
    if value is None or value == "":
        return ""
    # Translators: an amount of money in Kyrgyz soms; %(amount)s is the formatted number.
    return _("%(amount)s soms") % {"amount": number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)}


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """An absolute address for Open Graph tags and share links."""
    return context["request"].build_absolute_uri(path)


@register.filter
def in_page_language(tags):
    """The tags written in the page's language, plus those that read the same in every language."""
    language = get_language()
    return [tag for tag in tags if tag.language in ("", language)]


@register.simple_tag
def querystring_with(request, name, value):
    """The current address with one filter set (and the page reset): a facet link."""
    query = request.GET.copy()
    query[name] = value
    for dropped in ("page", "format"):
        query.pop(dropped, None)
    return "?" + query.urlencode()


@register.simple_tag
def querystring_without(request, *names):
    """The current address without some filters (and the page reset): a "remove filter" link."""
    query = request.GET.copy()
    for name in (*names, "page", "format"):
        query.pop(name, None)
    encoded = query.urlencode()
    return "?" + encoded if encoded else request.path
