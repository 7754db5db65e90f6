from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from portal import views
from portal.sitemaps import SITEMAPS

# Paths without a language: machines and the staff-only admin.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="django.contrib.sitemaps.views.sitemap"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("", include("portal.site_urls")),
    path("practices/", include("practices.urls")),
    path("account/", include("accounts.urls")),
    path("account/", include("allauth.urls")),
    path("", include("events.urls")),
    path("contests/", include("contests.urls")),
    path("library/", include("library.urls")),
    path("videos/", include("lessons.urls")),
    path("collections/", include("curation.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static as media_static

    urlpatterns += media_static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
