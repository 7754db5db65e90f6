"""sitemap.xml: every public page in all three languages, each with its hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from contests.models import Contest
from curation.models import Collection
from events.models import Event, PressRelease
from lessons.models import Course, VideoLesson
from library.models import LibraryDocument
from portal.models import District, Municipality, Region, StaticPage
from practices.models import Practice


class _MultilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def lastmod(self, obj):
        return getattr(obj, "updated_at", None)


class SectionSitemap(_MultilingualSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return [
            "home",
            "practices:list",
            "practices:map",
            "portal:municipalities",
            "events:list",
            "events:past",
            "events:press_releases",
            "library:list",
            "lessons:index",
            "curation:list",
            "contests:list",
        ]

    def location(self, item):
        return reverse(item)


class PracticeSitemap(_MultilingualSitemap):
    changefreq = "weekly"
    priority = 0.9

    def items(self):
        return Practice.objects.published().order_by("pk")


class EventSitemap(_MultilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("pk")


class PressReleaseSitemap(_MultilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return PressRelease.objects.published().order_by("pk")


class StaticPageSitemap(_MultilingualSitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return StaticPage.objects.order_by("pk")


class PlaceSitemap(_MultilingualSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return [*Region.objects.order_by("pk"), *District.objects.order_by("pk"), *Municipality.objects.order_by("pk")]


class LibrarySitemap(_MultilingualSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return LibraryDocument.objects.published().order_by("pk")


class LessonSitemap(_MultilingualSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return [*Course.objects.published().order_by("pk"), *VideoLesson.objects.published().order_by("pk")]


class ContestSitemap(_MultilingualSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Contest.objects.published().order_by("pk")


class CollectionSitemap(_MultilingualSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Collection.objects.published().order_by("pk")


SITEMAPS = {
    "sections": SectionSitemap,
    "practices": PracticeSitemap,
    "events": EventSitemap,
    "news": PressReleaseSitemap,
    "pages": StaticPageSitemap,
    "places": PlaceSitemap,
    "library": LibrarySitemap,
    "lessons": LessonSitemap,
    "collections": CollectionSitemap,
    "contests": ContestSitemap,
}
