"""How video lessons and courses read in site search."""

from django.db.models.signals import post_delete, post_save

from lessons.models import Course, VideoLesson
from portal.search.indexing import Indexer, index_queryset, register


def _lesson_row(lesson):
    return {
        "title": lesson.title or "",
        "summary": lesson.description or "",
        "keywords": " ".join(sector.name for sector in lesson.sectors.all()),
    }


def _course_row(course):
    return {
        "title": course.title or "",
        "summary": course.description or "",
        # Only published lessons: a draft's title must not be findable, even through its course.
        "body": "\n".join(step.lesson.title for step in course.steps.all() if step.lesson.is_published),
    }


VIDEO_LESSONS = register(
    Indexer(
        kind="videolesson",
        code=5,
        model=VideoLesson,
        url_name="lessons:lesson",
        queryset=lambda: VideoLesson.objects.prefetch_related("sectors"),
        row=_lesson_row,
        is_public=lambda lesson: lesson.is_published,
        sectors=lambda lesson: lesson.sectors.all(),
    )
)

COURSES = register(
    Indexer(
        kind="course",
        code=6,
        model=Course,
        url_name="lessons:course",
        queryset=lambda: Course.objects.prefetch_related("steps__lesson"),
        row=_course_row,
        is_public=lambda course: course.is_published,
    )
)


def _reindex_courses_of_step(sender, instance, raw=False, **kwargs):
    if not raw:
        index_queryset(COURSES, COURSES.queryset().filter(pk=instance.course_id))


def _reindex_courses_of_lesson(sender, instance, raw=False, **kwargs):
    """A course is found by its lessons' titles: a renamed, published or unpublished lesson changes them."""
    if not raw:
        index_queryset(COURSES, COURSES.queryset().filter(steps__lesson=instance).distinct())


def connect():
    from lessons.models import CourseLesson

    post_save.connect(_reindex_courses_of_step, sender=CourseLesson, dispatch_uid="search-course-step-saved")
    post_delete.connect(_reindex_courses_of_step, sender=CourseLesson, dispatch_uid="search-course-step-deleted")
    post_save.connect(_reindex_courses_of_lesson, sender=VideoLesson, dispatch_uid="search-course-lesson-saved")
