"""Everything the portal stores about one user, for the "download my data" button."""

from django.conf import settings

from practices.proposal_forms import CONTACT_NAME, TEXT_FIELDS


def _iso(value):
    return value.isoformat() if value else None


def account_data(user):
    from allauth.account.models import EmailAddress

    from events.models import Registration

    return {
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "position": user.position,
            "organization": user.organization,
            "municipality": user.municipality.name if user.municipality else None,
            "kind": user.kind,
            "phone": user.phone,
            "preferred_language": user.preferred_language,
            "verified_municipal_user": user.is_verified_municipal_user,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "saved_practices": [
            {
                "title": saved.practice.title,
                "url": settings.SITE_URL + saved.practice.get_absolute_url(),
                "saved_at": _iso(saved.saved_at),
            }
            for saved in user.saved_practices.select_related("practice")
        ],
        "event_registrations": [
            {
                "event": registration.event.title,
                "starts_at": _iso(registration.event.starts_at),
                "status": registration.status,
                "full_name": registration.full_name,
                "email": registration.email,
                "phone": registration.phone,
                "organization": registration.organization,
                "registered_at": _iso(registration.created_at),
            }
            for registration in Registration.objects.for_user(user).select_related("event")
        ],
        "proposed_practices": [
            _proposal(practice)
            for practice in user.proposed_practices.prefetch_related("sectors", "images", "documents", "videos")
        ],
        "watched_lessons": [
            {"lesson": watched.lesson.title, "watched_at": _iso(watched.watched_at)}
            for watched in user.watched_lessons.select_related("lesson").order_by("watched_at")
        ],
        "certificates": [
            {
                "course": certificate.course.title,
                "name": certificate.full_name,
                "issued_on": certificate.issued_on.isoformat(),
                "code": certificate.code,
                "check_url": settings.SITE_URL + certificate.get_absolute_url(),
            }
            for certificate in user.certificates.select_related("course").order_by("issued_on")
        ],
    }


def _proposal(practice):
    languages = [code for code, _name in settings.LANGUAGES]
    return {
        "status": practice.status,
        "written_in": practice.text_language,
        "texts": {
            language: {name: getattr(practice, f"{name}_{language}", "") for name in (*TEXT_FIELDS, CONTACT_NAME)}
            for language in languages
        },
        "sectors": [sector.name for sector in practice.sectors.all()],
        "started_on": _iso(practice.started_on),
        "completed_on": _iso(practice.completed_on),
        "total_cost": practice.total_cost,
        "own_contribution": practice.own_contribution,
        "other_sources": practice.other_sources,
        "contact": {
            "email": practice.contact_email,
            "phone": practice.contact_phone,
        },
        "review_comment": practice.review_comment,
        "submitted_at": _iso(practice.submitted_at),
        "created_at": _iso(practice.created_at),
        "photos": [image.image.name for image in practice.images.all()],
        "documents": [document.file.name for document in practice.documents.all()],
        "videos": [video.url for video in practice.videos.all()],
    }
