from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, TemplateView

from curation.models import Collection
from events.models import Event, PressRelease
from portal.models import StaticPage
from practices.models import Practice


class HomeView(TemplateView):
    template_name = "portal/home.html"
    extra_context = {"section": "home"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["featured_practices"] = Practice.objects.featured().with_card_data()[:6]
        context["upcoming_events"] = Event.objects.upcoming().with_card_data()[:3]
        context["latest_press_releases"] = PressRelease.objects.published()[:3]
        context["collections"] = (
            Collection.objects.published().filter(on_home_page=True).prefetch_related("audiences")[:4]
        )
        context["counts"] = {
            **Practice.objects.published().aggregate(
                practices=Count("id"), municipalities=Count("municipality", distinct=True)
            ),
            "events": Event.objects.published().count(),
            "press_releases": PressRelease.objects.published().count(),
            "users": get_user_model().objects.filter(is_active=True).count(),
        }
        return context


class StaticPageView(DetailView):
    model = StaticPage
    template_name = "portal/page.html"
    context_object_name = "page"


@require_GET
def healthz(request):
    """For the load balancer: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any database failure means "unhealthy", whatever its class
        return JsonResponse({"status": "error", "database": str(error.__class__.__name__)}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: /{code}/account/" for code in ("ky", "ru", "en")),
        # Downloads are counted: crawlers must not inflate "most downloaded".
        *(f"Disallow: /{code}/library/*/download/" for code in ("ky", "ru", "en")),
        f"Sitemap: {request.build_absolute_uri(reverse('django.contrib.sitemaps.views.sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    # Browsers ask for /favicon.ico whatever the page says; the icon itself is a static SVG.
    return HttpResponseRedirect(static("img/favicon.svg"))
