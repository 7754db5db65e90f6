"""Reminders one day before an event, for cron (e.g. every 15 minutes): each person gets one."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from events.models import Registration
from events.registration import send_to_registrant


class Command(BaseCommand):
    help = "E-mail a reminder to everyone confirmed for an event that starts within the next 24 hours."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24, help="How long before the start to remind.")

    def handle(self, *args, hours, **options):
        now = timezone.now()
        due = Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            event__is_published=True,
            event__starts_at__gt=now,
            event__starts_at__lte=now + timedelta(hours=hours),
        ).select_related("event")
        sent = 0
        for registration in due:
            with transaction.atomic():
                # Claimed before sending: two overlapping runs of the command cannot both send it.
                claimed = Registration.objects.filter(
                    pk=registration.pk, reminder_sent_at__isnull=True, status=Registration.Status.CONFIRMED
                ).update(reminder_sent_at=now)
                if claimed:
                    send_to_registrant(registration, "registration_reminder")
                    sent += claimed
        self.stdout.write(f"Reminders sent: {sent}")
