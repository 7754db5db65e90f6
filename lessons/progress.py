"""Who has watched what: course progress and certificates."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from lessons.models import Certificate, Course, CourseLesson, WatchedLesson


@dataclass(frozen=True)
class Progress:
    watched: int
    total: int

    @classmethod
    def of(cls, lesson_ids, watched):
        return cls(sum(1 for pk in lesson_ids if pk in watched), len(lesson_ids))

    @property
    def complete(self):
        return self.total > 0 and self.watched >= self.total

    @property
    def percent(self):
        return round(self.watched * 100 / self.total) if self.total else 0


def watched_lesson_ids(user):
    if not user.is_authenticated:
        return set()
    return set(WatchedLesson.objects.filter(user=user).values_list("lesson_id", flat=True))


def progress_by_course(user, courses, watched=None):
    """{course id: Progress} over the courses' published lessons, in two queries whatever their number."""
    watched = watched_lesson_ids(user) if watched is None else watched
    lessons = {course.pk: [] for course in courses}
    steps = CourseLesson.objects.filter(course__in=lessons, lesson__is_published=True).values_list(
        "course_id", "lesson_id"
    )
    for course_id, lesson_id in steps:
        lessons[course_id].append(lesson_id)
    return {course_id: Progress(sum(1 for pk in ids if pk in watched), len(ids)) for course_id, ids in lessons.items()}


def mark_watched(user, lesson, watched=True):
    if watched:
        WatchedLesson.objects.get_or_create(user=user, lesson=lesson)
    else:
        WatchedLesson.objects.filter(user=user, lesson=lesson).delete()


class CertificateRefused(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "incomplete" or "no_name"


def issue_certificate(user, course):
    """The user's certificate for a course they have completed (the same one on every download)."""
    existing = Certificate.objects.filter(user=user, course=course).first()
    if existing:
        return existing
    lessons = [step.lesson for step in course.steps.filter(lesson__is_published=True).select_related("lesson")]
    watched = watched_lesson_ids(user)
    if not lessons or any(lesson.pk not in watched for lesson in lessons):
        raise CertificateRefused("incomplete")
    if not user.full_name.strip():
        raise CertificateRefused("no_name")
    try:
        with transaction.atomic():
            return Certificate.objects.create(
                user=user,
                course=course,
                full_name=user.full_name.strip(),
                issued_on=timezone.localdate(),
                lesson_count=len(lessons),
                minutes=sum(lesson.duration_minutes for lesson in lessons),
            )
    except IntegrityError:  # a second click at the same moment: that one made it
        return Certificate.objects.get(user=user, course=course)


def started_courses(user):
    """[(course, progress, certificate or None)] for the courses the user has begun or holds a certificate
    of (a course unpublished later still lists its certificate)."""
    certificates = {c.course_id: c for c in Certificate.objects.filter(user=user)}
    courses = list(Course.objects.filter(Q(is_published=True) | Q(pk__in=certificates)))
    progress = progress_by_course(user, courses)
    return [
        (course, progress[course.pk], certificates.get(course.pk))
        for course in courses
        if progress[course.pk].watched or course.pk in certificates
    ]
