"""The personal cabinet: profile, saved practices, data download and closing the account."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView, TemplateView, UpdateView

from accounts.export import account_data
from accounts.forms import DeleteAccountForm, ProfileForm
from accounts.models import SavedPractice
from accounts.services import delete_account
from contests.entries import entries_of
from events.models import Registration
from lessons.progress import started_courses
from practices.models import Practice
from practices.proposals import proposals_of


class CabinetMixin(LoginRequiredMixin):
    """Every cabinet page: signed-in users only, with the cabinet's menu marking the current page."""

    cabinet_page = "overview"

    def get_context_data(self, **kwargs):
        return super().get_context_data(cabinet_page=self.cabinet_page, section="account", **kwargs)


class CabinetView(CabinetMixin, TemplateView):
    template_name = "accounts/cabinet.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        saved = SavedPractice.objects.filter(user=user, practice__in=Practice.objects.published())
        context["saved_count"] = saved.count()
        context["saved_practices"] = [
            entry.practice for entry in saved.select_related("practice__municipality__region")[:5]
        ]
        context["proposals"] = proposals_of(user).order_by("-updated_at")[:5]
        context["entries"] = entries_of(user)
        context["registrations"] = (
            Registration.objects.for_user(user)
            .exclude(status=Registration.Status.CANCELLED)
            .filter(event__ends_at__gte=timezone.now())
            .select_related("event")
            .order_by("event__starts_at")
        )
        context["profile_complete"] = bool(user.full_name and user.kind)
        context["courses"] = started_courses(user)
        return context


class ProfileView(CabinetMixin, UpdateView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm
    cabinet_page = "profile"

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        was_verified = self.request.user.is_verified_municipal_user
        response = super().form_valid(form)
        messages.success(self.request, _("Your profile is saved."))
        if was_verified and not form.instance.is_verified_municipal_user:
            messages.warning(
                self.request,
                _(
                    "You changed your municipality, so the portal's staff must verify you again "
                    "before you propose practices."
                ),
            )
        return response

    def get_success_url(self):
        return self.request.path


@require_POST
@login_required
def request_verification(request):
    """Ask the staff to check that the user speaks for their municipality."""
    user = request.user
    if not user.municipality_id:
        messages.error(request, _("Choose your municipality in your profile first."))
        return redirect("accounts:profile")
    if not user.is_verified_municipal_user:
        user.verification_requested_at = timezone.now()
        user.save(update_fields=["verification_requested_at"])
        messages.success(
            request, _("Your request is sent. The portal's staff will check it and may call or write to you.")
        )
    return redirect("accounts:cabinet")


class SavedPracticeListView(CabinetMixin, ListView):
    template_name = "accounts/saved_practices.html"
    context_object_name = "practices"
    paginate_by = 12
    cabinet_page = "saved"

    def get_queryset(self):
        return (
            Practice.objects.published()
            .filter(saved_by__user=self.request.user)
            .order_by("-saved_by__saved_at")
            .with_card_data()
        )


@require_POST
@login_required
def toggle_saved_practice(request, slug):
    """Save a practice to the cabinet, or remove it (a form button: works without JavaScript)."""
    practice = get_object_or_404(Practice.objects.published(), slug=slug)
    saved = SavedPractice.objects.filter(user=request.user, practice=practice)
    if request.POST.get("action") == "remove":
        saved.delete()
        messages.success(request, _("The practice is removed from your saved practices."))
    else:
        SavedPractice.objects.get_or_create(user=request.user, practice=practice)
        messages.success(request, _("The practice is saved. You find it in your account."))
    return HttpResponseRedirect(safe_next(request, practice.get_absolute_url()))


def safe_next(request, default):
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@login_required
def download_data(request):
    """Everything the portal stores about the user, as one JSON file."""
    data = json.dumps(account_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="lsg-portal-my-data-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


class DeleteAccountView(CabinetMixin, TemplateView):
    template_name = "accounts/delete_account.html"
    cabinet_page = "delete"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", DeleteAccountForm(self.request.user))
        context["published_count"] = proposals_of(self.request.user).filter(status=Practice.Status.PUBLISHED).count()
        context["certificate_count"] = self.request.user.certificates.count()
        return context

    def post(self, request, *args, **kwargs):
        form = DeleteAccountForm(request.user, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            delete_account(request.user)
        logout(request)
        messages.success(request, _("Your account is deleted. Thank you for using the portal."))
        return redirect("home")
