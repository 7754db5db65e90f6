"""Registering for an event, with or without an account, and the signed page to see or cancel it."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import registration as service
from events.calendar import event_ics
from events.forms import RegistrationForm
from events.models import Event, Registration
from events.views import EventDetailView, registration_context
from portal.ratelimit import allow


@require_POST
def register(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    form = RegistrationForm(request.POST, user=request.user)
    if form.is_bot():
        # Told nothing useful: a bot learns no more from success than from failure.
        return redirect(event)
    if not allow(request, "event-registration", settings.EVENT_REGISTRATIONS_PER_HOUR, 3600):
        messages.error(request, _("Too many registrations from your connection. Please try again in an hour."))
        return _event_page(request, event, form, status=429)
    if not form.is_valid():
        return _event_page(request, event, form, status=400)
    try:
        outcome = service.register(
            event,
            full_name=form.cleaned_data["full_name"],
            email=form.cleaned_data["email"],
            phone=form.cleaned_data["phone"],
            organization=form.cleaned_data["organization"],
            municipality=form.cleaned_data["municipality"],
            language=get_language(),
            user=request.user if request.user.is_authenticated else None,
        )
    except service.RegistrationClosed:
        messages.error(request, _("Registration for this event is closed."))
        return redirect(event)
    messages.success(request, OUTCOME_MESSAGES[outcome.result])
    if outcome.result == "already":
        # The registration belongs to whoever owns the address: its page is reached from the e-mail.
        return redirect(event)
    return redirect("events:registration", token=service.manage_token(outcome.registration))


OUTCOME_MESSAGES = {
    "confirmed": gettext_lazy("You are registered. We have sent the confirmation to your e-mail."),
    "waiting": gettext_lazy(
        "All seats are taken: you are on the waiting list. We will e-mail you if a seat becomes free."
    ),
    "already": gettext_lazy(
        "This e-mail address is already registered for this event. We have sent the confirmation to it again."
    ),
}


def _event_page(request, event, form, status):
    view = EventDetailView()
    view.setup(request, slug=event.slug)
    view.object = view.get_object()
    context = view.get_context_data(object=view.object, **registration_context(request, event, form))
    return render(request, view.template_name, context, status=status)


def registration_page(request, token):
    """The registrant's own page, reached from the confirmation and from every e-mail."""
    registration = service.registration_from_token(token)
    if registration is None:
        raise Http404("Unknown or altered link.")
    if request.method == "POST":
        _cancel_if_allowed(request, registration)
        return redirect("events:registration", token=token)
    return render(
        request,
        "events/registration.html",
        {
            "registration": registration,
            "event": registration.event,
            "token": token,
            "can_cancel": service.can_cancel(registration),
            "section": "events",
        },
    )


@require_POST
@login_required
def cancel_from_cabinet(request, pk):
    """The cabinet's cancel button: only the user's own registrations (anyone else's answers 404)."""
    registration = get_object_or_404(Registration.objects.for_user(request.user).select_related("event"), pk=pk)
    _cancel_if_allowed(request, registration)
    return redirect("accounts:cabinet")


def _cancel_if_allowed(request, registration):
    if service.can_cancel(registration):
        service.cancel(registration)
        messages.success(request, _("Your registration is cancelled."))
    else:
        messages.error(request, _("The event has started: the registration can no longer be cancelled."))


def event_calendar_file(request, slug):
    """ "Add to calendar": the event as an .ics file."""
    event = get_object_or_404(Event.objects.published().select_related("municipality"), slug=slug)
    response = HttpResponse(event_ics([event], get_language()), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def upcoming_events_feed(request):
    """Upcoming events as an iCalendar feed a calendar app can subscribe to."""
    events = Event.objects.upcoming().select_related("municipality")[:200]
    response = HttpResponse(event_ics(events, get_language()), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "public, max-age=900"
    return response
