from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import SavedPractice, User


class VerificationFilter(admin.SimpleListFilter):
    title = _("verified municipal user")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [("requested", _("Asked to be verified")), ("verified", _("Verified")), ("no", _("Not verified"))]

    def queryset(self, request, queryset):
        if self.value() == "requested":
            return queryset.filter(verification_requested_at__isnull=False, municipality_verified_at__isnull=True)
        if self.value() == "verified":
            return queryset.filter(municipality_verified_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(municipality_verified_at__isnull=True)
        return queryset


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "full_name", "kind", "municipality", "is_verified", "is_staff", "date_joined")
    list_filter = (VerificationFilter, "kind", "municipality__region", "is_staff", "is_active", "groups")
    list_select_related = ("municipality",)
    search_fields = ("email", "full_name", "organization", "municipality__name_ky", "municipality__name_ru")
    autocomplete_fields = ("municipality",)
    readonly_fields = ("municipality_verified_at", "municipality_verified_by", "verification_requested_at")
    actions = ["verify_municipal_users", "unverify_municipal_users"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Profile"),
            {"fields": ("full_name", "position", "organization", "kind", "phone", "preferred_language")},
        ),
        (
            _("Municipality"),
            {
                "fields": (
                    "municipality",
                    "verification_requested_at",
                    "municipality_verified_at",
                    "municipality_verified_by",
                )
            },
        ),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    @admin.display(description=_("verified"), boolean=True, ordering="municipality_verified_at")
    def is_verified(self, obj):
        return obj.is_verified_municipal_user

    def has_verify_permission(self, request):
        return request.user.has_perm("accounts.verify_municipal_user")

    def save_model(self, request, obj, form, change):
        # Staff moving a user to another municipality also ends their verification.
        if change and "municipality" in form.changed_data:
            obj.clear_verification_if_moved(form.initial.get("municipality"))
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Verify: speaks for the municipality in their profile"), permissions=["verify"])
    def verify_municipal_users(self, request, queryset):
        verified = 0
        for user in queryset.filter(municipality__isnull=False):
            user.verify_municipality(by=request.user)
            user.save(
                update_fields=["municipality_verified_at", "municipality_verified_by", "verification_requested_at"]
            )
            verified += 1
        skipped = queryset.filter(municipality__isnull=True).count()
        self.message_user(
            request,
            ngettext("%(count)d user verified.", "%(count)d users verified.", verified) % {"count": verified},
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d user has no municipality in their profile and was not verified.",
                    "%(count)d users have no municipality in their profile and were not verified.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(description=_("Withdraw the verification"), permissions=["verify"])
    def unverify_municipal_users(self, request, queryset):
        count = queryset.update(municipality_verified_at=None, municipality_verified_by=None)
        self.message_user(
            request,
            ngettext("%(count)d verification withdrawn.", "%(count)d verifications withdrawn.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(SavedPractice)
class SavedPracticeAdmin(admin.ModelAdmin):
    list_display = ("practice", "user", "saved_at")
    list_select_related = ("practice", "user")
    search_fields = ("user__email", "practice__title_ru", "practice__title_ky")
    raw_id_fields = ("user", "practice")
