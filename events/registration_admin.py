"""What organizers do in the admin: see who registered, export the list, mark attendance, write to
everyone confirmed, cancel (which promotes the waiting list)."""

from django import forms
from django.contrib import admin, messages
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events import registration as service
from events.models import Registration
from portal.spreadsheets import csv_download

CSV_COLUMNS = (
    ("full_name", _("Full name")),
    ("email", _("E-mail")),
    ("phone", _("Phone")),
    ("organization", _("Organization")),
    ("municipality", _("Municipality")),
    ("region", _("Region")),
    ("status", _("Status")),
    ("seat", _("Seat")),
    ("created_at", _("Registered")),
    ("language", _("Language")),
)


def registrations_csv(registrations, filename):
    """The list an organizer prints or opens in Excel."""
    rows = (
        (
            registration.full_name,
            registration.email,
            registration.phone,
            registration.organization,
            registration.municipality.name if registration.municipality else "",
            registration.municipality.region.name if registration.municipality else "",
            registration.get_status_display(),
            registration.seat or "",
            timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            registration.language,
        )
        for registration in registrations.select_related("municipality__region")
    )
    return csv_download(filename, [label for _field, label in CSV_COLUMNS], rows)


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 10, "cols": 80}))


def send_message_to_confirmed(modeladmin, request, events):
    """An admin action with its own page: write once, sent to every confirmed participant."""
    recipients = Registration.objects.filter(event__in=events).holding_seats().select_related("event")
    form = MessageForm(request.POST if "send" in request.POST else None)
    if form.is_valid():
        for registration in recipients:
            service.send_to_registrant(
                registration,
                "event_message",
                {"subject": form.cleaned_data["subject"], "message": form.cleaned_data["message"]},
            )
        count = len(recipients)
        modeladmin.message_user(
            request,
            ngettext(
                "The message is sent to %(count)d participant.", "The message is sent to %(count)d participants.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )
        return None
    return render(
        request,
        "admin/events/send_message.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("E-mail the confirmed participants"),
            "form": form,
            "events": events,
            "recipient_count": recipients.count(),
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "language": translation.get_language(),
        },
    )


class RegistrationStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Registration.Status.choices

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("full_name", "event", "status", "seat", "organization", "municipality", "created_at")
    list_filter = (RegistrationStatusFilter, "event")
    list_select_related = ("event", "municipality")
    search_fields = ("full_name", "email", "organization", "event__title_ru", "event__title_ky")
    autocomplete_fields = ("municipality",)
    raw_id_fields = ("user",)
    readonly_fields = (
        "event",
        "status",
        "seat",
        "consent_at",
        "created_at",
        "cancelled_at",
        "reminder_sent_at",
        "user",
    )
    fields = (
        "event",
        "status",
        "seat",
        "full_name",
        "email",
        "phone",
        "organization",
        "municipality",
        "language",
        "user",
        "consent_at",
        "created_at",
        "cancelled_at",
        "reminder_sent_at",
    )
    actions = ["mark_attended", "cancel_registrations", "export_csv"]

    def delete_model(self, request, obj):
        self.delete_queryset(request, Registration.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        # A deleted registration (spam, a duplicate) frees its seat for the waiting list first.
        # Waiting entries go first, so that a cancelled seat is never handed to an entry that is about
        # to be deleted too.
        queryset.filter(status=Registration.Status.WAITING).delete()
        for registration in queryset.filter(status__in=Registration.SEAT_HOLDING).select_related("event"):
            service.cancel(registration)
        queryset.delete()

    def has_add_permission(self, request):
        # People register on the event's page (with their consent), not through the admin.
        return False

    @admin.action(description=_("Mark as attended"), permissions=["change"])
    def mark_attended(self, request, queryset):
        count = service.mark_attended(queryset)
        self.message_user(
            request,
            ngettext("%(count)d participant marked as attended.", "%(count)d participants marked as attended.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Cancel (the waiting list moves up)"), permissions=["change"])
    def cancel_registrations(self, request, queryset):
        promoted = [
            service.cancel(registration) for registration in queryset.exclude(status=Registration.Status.CANCELLED)
        ]
        promoted = [registration for registration in promoted if registration]
        self.message_user(
            request,
            ngettext(
                "Cancelled; %(count)d person moved up from the waiting list.",
                "Cancelled; %(count)d people moved up from the waiting list.",
                len(promoted),
            )
            % {"count": len(promoted)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Download the selected as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return registrations_csv(queryset.order_by("event", "status", "created_at"), "registrations.csv")
