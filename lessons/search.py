"""How video lessons and courses read in site search."""

from lessons.models import Course, VideoLesson
from portal.search.indexing import Indexer, register


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
        "body": "\n".join(step.lesson.title for step in course.steps.all()),
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
