from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline

from events import registration as registration_service
from events.models import Event, EventMaterial, PressRelease, Registration
from events.registration_admin import registrations_csv, send_message_to_confirmed
from portal.admin_base import TranslatedAdmin


class MaterialInline(TranslationTabularInline):
    model = EventMaterial
    fields = ("title", "file", "position")
    extra = 0


class UpcomingFilter(admin.SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.filter(pk__in=Event.objects.upcoming().values("pk"))
        if self.value() == "past":
            return queryset.filter(pk__in=Event.objects.past().values("pk"))
        return queryset


@admin.register(Event)
class EventAdmin(TranslatedAdmin):
    list_display = ("title", "kind", "starts_at", "municipality", "is_online", "is_published", "registrations")
    list_filter = (UpcomingFilter, "kind", "is_online", "is_published", "municipality__region", "project")
    list_select_related = ("municipality",)
    search_fields = ("title_ky", "title_ru", "title_en", "slug")
    autocomplete_fields = ("municipality", "project", "organizers", "practices")
    date_hierarchy = "starts_at"
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "summary", "description", "is_published")}),
        (_("When and where"), {"fields": ("starts_at", "ends_at", "venue", "municipality", "is_online")}),
        (_("Links"), {"fields": ("livestream_url", "recording_url")}),
        (_("Organizers and content"), {"fields": ("organizers", "project", "practices")}),
        (
            _("Registration and participants"),
            {
                "fields": (
                    "registration_open",
                    "registration_opens_at",
                    "registration_closes_at",
                    "capacity",
                    "participants_count",
                )
            },
        ),
    )
    inlines = [MaterialInline]
    actions = ["email_participants"]

    def get_queryset(self, request):
        seat_holding = Q(registrations__status__in=Registration.SEAT_HOLDING)
        waiting = Q(registrations__status=Registration.Status.WAITING)
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed_count=Count("registrations", filter=seat_holding),
                waiting_count=Count("registrations", filter=waiting),
            )
        )

    @admin.display(description=_("registrations"))
    def registrations(self, obj):
        """ "12 / 30 (+3 waiting)", linked to the event's list of registrations."""
        seats = f"{obj.confirmed_count} / {obj.capacity}" if obj.capacity else str(obj.confirmed_count)
        if obj.waiting_count:
            seats += " " + ngettext("(+%(count)d waiting)", "(+%(count)d waiting)", obj.waiting_count) % {
                "count": obj.waiting_count
            }
        url = reverse("admin:events_registration_changelist") + f"?event__id__exact={obj.pk}"
        csv_url = reverse("admin:events_event_registrations_csv", args=[obj.pk])
        return format_html('<a href="{}">{}</a> · <a href="{}">CSV</a>', url, seats, csv_url)

    def get_urls(self):
        return [
            path(
                "<int:pk>/registrations.csv",
                self.admin_site.admin_view(self.registrations_csv_view),
                name="events_event_registrations_csv",
            ),
            *super().get_urls(),
        ]

    def registrations_csv_view(self, request, pk):
        from django.core.exceptions import PermissionDenied
        from django.shortcuts import get_object_or_404

        if not request.user.has_perm("events.view_registration"):
            raise PermissionDenied
        event = get_object_or_404(Event, pk=pk)
        registrations = event.registrations.order_by("status", "created_at")
        return registrations_csv(registrations, f"{event.slug}-registrations.csv")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            # More seats: people waiting get them at once, in the order they registered.
            promoted = registration_service.fill_free_seats(obj)
            if promoted:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d person moved up from the waiting list.",
                        "%(count)d people moved up from the waiting list.",
                        len(promoted),
                    )
                    % {"count": len(promoted)},
                    messages.SUCCESS,
                )

    @admin.action(description=_("E-mail the confirmed participants"), permissions=["change"])
    def email_participants(self, request, queryset):
        return send_message_to_confirmed(self, request, queryset)


@admin.register(PressRelease)
class PressReleaseAdmin(TranslatedAdmin):
    list_display = ("title", "published_at", "event", "is_published")
    list_filter = ("is_published",)
    list_select_related = ("event",)
    search_fields = ("title_ky", "title_ru", "title_en", "slug")
    autocomplete_fields = ("event", "practices")
    date_hierarchy = "published_at"
