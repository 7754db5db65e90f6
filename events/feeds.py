"""The press releases as an Atom feed, one per language (/ky/news/feed/, /ru/news/feed/...)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from events.models import PressRelease


class PressReleaseFeed(Feed):
    feed_type = Atom1Feed

    def author_name(self):
        # Atom requires an author for the feed.
        return _("LSG Best Practice Portal")

    def title(self):
        return _("News of the LSG Best Practice Portal")

    def subtitle(self):
        return _("Press releases about best practices of local self-government in Kyrgyzstan.")

    def link(self):
        return reverse("events:press_releases")

    def items(self):
        return PressRelease.objects.published()[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead or item.body[:500]

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
