import re
import unicodedata

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lessons.certificate_pdf import certificate_pdf
from lessons.models import CODE_ALPHABET, Certificate, Course, CourseLesson, VideoLesson
from lessons.progress import (
    CertificateRefused,
    Progress,
    issue_certificate,
    mark_watched,
    progress_by_course,
    watched_lesson_ids,
)


def _published_steps():
    return Prefetch(
        "steps",
        queryset=CourseLesson.objects.filter(lesson__is_published=True).select_related("lesson"),
        to_attr="published_steps",
    )


def index(request):
    courses = list(Course.objects.published())
    watched = watched_lesson_ids(request.user)
    progress = progress_by_course(request.user, courses, watched)
    lessons = VideoLesson.objects.published()
    return render(
        request,
        "lessons/index.html",
        {
            "section": "videos",
            "courses": [(course, progress[course.pk]) for course in courses],
            "lessons": lessons,
            "watched": watched,
        },
    )


def lesson_page(request, slug):
    lesson = get_object_or_404(VideoLesson.objects.published().prefetch_related("sectors", "audiences"), slug=slug)
    # The first published course the lesson belongs to gives the "lesson 2 of 4" navigation.
    course = Course.objects.published().filter(steps__lesson=lesson).prefetch_related(_published_steps()).first()
    steps, position = [], None
    if course:
        steps = [step.lesson for step in course.published_steps]
        position = steps.index(lesson) if lesson in steps else None
    watched = watched_lesson_ids(request.user)
    return render(
        request,
        "lessons/lesson.html",
        {
            "section": "videos",
            "lesson": lesson,
            "course": course,
            "steps": steps,
            "position": position + 1 if position is not None else None,
            "previous_lesson": steps[position - 1] if position else None,
            "next_lesson": steps[position + 1] if position is not None and position + 1 < len(steps) else None,
            "is_watched": lesson.pk in watched,
            "watched": watched,
            "collections": lesson.collections.published(),
        },
    )


def course_page(request, slug):
    course = get_object_or_404(Course.objects.published().prefetch_related(_published_steps()), slug=slug)
    watched = watched_lesson_ids(request.user)
    user = request.user
    certificate = Certificate.objects.filter(user=user, course=course).first() if user.is_authenticated else None
    steps = [step.lesson for step in course.published_steps]
    return render(
        request,
        "lessons/course.html",
        {
            "section": "videos",
            "course": course,
            "steps": steps,
            # From the lessons already loaded: no second query for the same steps.
            "progress": Progress.of([lesson.pk for lesson in steps], watched),
            "watched": watched,
            "certificate": certificate,
        },
    )


@require_POST
def toggle_watched(request, slug):
    lesson = get_object_or_404(VideoLesson.objects.published(), slug=slug)
    if not request.user.is_authenticated:
        # Back to the lesson after signing in (a GET of this address would only answer 405).
        return redirect_to_login(lesson.get_absolute_url())
    watched = request.POST.get("watched") == "1"
    mark_watched(request.user, lesson, watched)
    if watched:
        messages.success(request, _("Marked as watched."))
    return redirect(lesson)


@login_required
def certificate_download(request, slug):
    # A certificate already issued is served even if the course has since been unpublished.
    issued = Certificate.objects.filter(user=request.user, course__slug=slug).select_related("course").first()
    if issued:
        certificate = issued
    else:
        course = get_object_or_404(Course.objects.published(), slug=slug)
        try:
            certificate = issue_certificate(request.user, course)
        except CertificateRefused as refusal:
            return render(
                request,
                "lessons/certificate_refused.html",
                {"section": "videos", "course": course, "reason": refusal.reason},
                status=403,
            )
    check_url = request.build_absolute_uri(certificate.get_absolute_url())
    response = HttpResponse(certificate_pdf(certificate, check_url, get_language()), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response


# Letters a Cyrillic keyboard types for the Latin ones printed on the certificate.
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХУ", "ABEKMH0PCTXY")


def normalized_code(text):
    """What a person typed, read as Crockford base 32: case, spaces and dashes do not matter, and the
    letters O, I and L count as the digits they look like."""
    raw = unicodedata.normalize("NFKC", text or "").upper().translate(_LOOKALIKES)
    raw = re.sub(r"[\s\-‐‑–—]", "", raw).translate(str.maketrans("OIL", "011"))
    if len(raw) != 12 or any(character not in CODE_ALPHABET for character in raw):
        return None
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def certificate_lookup(request):
    """The verification form; a code typed into it goes to that code's page."""
    typed = request.GET.get("code", "")
    if typed:
        code = normalized_code(typed)
        if code:
            return redirect(reverse("lessons:certificate_check", args=[code]))
    return render(
        request,
        "lessons/certificate_check.html",
        {"section": "videos", "typed": typed, "malformed": bool(typed)},
        status=400 if typed else 200,
    )


def certificate_check(request, code):
    certificate = Certificate.objects.select_related("course").filter(code=normalized_code(code) or "").first()
    return render(
        request,
        "lessons/certificate_check.html",
        {"section": "videos", "certificate": certificate, "code": code, "checked": True},
        status=200 if certificate else 404,
    )
