"""Query budgets of the video lessons: the index, a course, a lesson, the certificate and its check.

Each page is rendered with one item and with many, under one pinned budget (pretalx style): the budget is
today's count, so an added query fails, and "many" within the same budget proves there is no N+1.
"""

import pytest
from django.utils import timezone

from curation.models import Collection
from lessons.models import Certificate, Course, CourseLesson, VideoLesson, WatchedLesson
from practices.models import Audience, Sector
from tests.factories import UserFactory
from tests.helpers import page_within_budget, response_within_budget

pytestmark = pytest.mark.django_db

COUNTS = [1, 20]


def _lessons(count, prefix):
    lessons = []
    for i in range(count):
        lesson = VideoLesson.objects.create(
            slug=f"{prefix.lower().replace(' ', '-')}-{i:02}",
            title_en=f"{prefix} {i:02}",
            description_en="How a village council prepares a public hearing.",
            video_url="https://www.youtube.com/watch?v=LSGlesson01",
            duration_minutes=10 + i,
            is_published=True,
        )
        lesson.sectors.set(Sector.objects.order_by("pk")[:1])
        lessons.append(lesson)
    return lessons


def _course(lessons, slug, title):
    course = Course.objects.create(slug=slug, title_en=title, description_en="Step by step.", is_published=True)
    for position, lesson in enumerate(lessons, start=1):
        CourseLesson.objects.create(course=course, lesson=lesson, position=position)
    return course


def _watch(user, lessons):
    WatchedLesson.objects.bulk_create([WatchedLesson(user=user, lesson=lesson) for lesson in lessons])


# -- the index ---------------------------------------------------------------------------------------


def _index_content(count):
    """``count`` courses of two lessons each, and ``count`` lessons outside any course."""
    courses = [
        _course(_lessons(2, f"Zephyr step {i:02}"), f"zephyr-course-{i:02}", f"Zephyr course {i:02}")
        for i in range(count)
    ]
    return courses, _lessons(count, "Zephyr loose lesson")


@pytest.mark.parametrize("count", COUNTS)
def test_lessons_index_budget(client, django_assert_max_num_queries, count):
    courses, lessons = _index_content(count)
    html = page_within_budget(client, django_assert_max_num_queries, 4, "/en/videos/")
    assert all(course.title_en in html for course in courses)
    assert all(lesson.title_en in html for lesson in lessons)


@pytest.mark.parametrize("count", COUNTS)
def test_lessons_index_signed_in_budget(client, django_assert_max_num_queries, outsider, count):
    courses, lessons = _index_content(count)
    _watch(outsider, lessons + [step.lesson for course in courses for step in course.steps.all()[:1]])
    client.force_login(outsider)
    html = page_within_budget(client, django_assert_max_num_queries, 7, "/en/videos/")
    assert all(course.title_en in html for course in courses)
    assert html.count("lesson-card--watched") >= count


# -- a course ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_course_page_budget(client, django_assert_max_num_queries, count):
    lessons = _lessons(count, "Zephyr course lesson")
    course = _course(lessons, "zephyr-course", "Zephyr course")
    html = page_within_budget(client, django_assert_max_num_queries, 3, f"/en/videos/courses/{course.slug}/")
    assert all(lesson.title_en in html for lesson in lessons)


@pytest.mark.parametrize("count", COUNTS)
def test_course_page_signed_in_budget(client, django_assert_max_num_queries, outsider, count):
    lessons = _lessons(count, "Zephyr course lesson")
    course = _course(lessons, "zephyr-course", "Zephyr course")
    _watch(outsider, lessons)
    certificate = Certificate.objects.create(
        user=outsider,
        course=course,
        full_name=outsider.full_name,
        issued_on=timezone.localdate(),
        lesson_count=count,
        minutes=10 * count,
    )
    client.force_login(outsider)
    html = page_within_budget(client, django_assert_max_num_queries, 7, f"/en/videos/courses/{course.slug}/")
    assert all(lesson.title_en in html for lesson in lessons)
    assert certificate.code in html
    assert html.count("course-steps__item--watched") == count


# -- a lesson ----------------------------------------------------------------------------------------


def _lesson_in_course(count):
    """The last of ``count`` lessons of a course, with ``count`` topics, audiences and collections."""
    lessons = _lessons(count, "Zephyr lesson")
    _course(lessons, "zephyr-course", "Zephyr course")
    lesson = lessons[-1]
    lesson.sectors.set(Sector.objects.order_by("pk")[:count])
    lesson.audiences.set(Audience.objects.order_by("pk")[:count])
    for i in range(count):
        collection = Collection.objects.create(
            slug=f"zephyr-shelf-{i:02}", title_en=f"Zephyr shelf {i:02}", intro_en="Gathered.", is_published=True
        )
        collection.lessons.add(lesson)
    return lesson


def _assert_shows_everything(html, lesson, count):
    assert lesson.title_en in html
    assert f"Lesson {count} of {count}" in html
    for sector in lesson.sectors.all():
        assert sector.name_en in html
    for audience in lesson.audiences.all():
        assert audience.name_en in html
    assert all(f"Zephyr shelf {i:02}" in html for i in range(count))


@pytest.mark.parametrize("count", COUNTS)
def test_lesson_page_budget(client, django_assert_max_num_queries, count):
    lesson = _lesson_in_course(count)
    html = page_within_budget(client, django_assert_max_num_queries, 7, f"/en/videos/{lesson.slug}/")
    _assert_shows_everything(html, lesson, count)


@pytest.mark.parametrize("count", COUNTS)
def test_lesson_page_signed_in_budget(client, django_assert_max_num_queries, outsider, count):
    lesson = _lesson_in_course(count)
    _watch(outsider, VideoLesson.objects.filter(slug__startswith="zephyr-lesson"))
    client.force_login(outsider)
    html = page_within_budget(client, django_assert_max_num_queries, 10, f"/en/videos/{lesson.slug}/")
    _assert_shows_everything(html, lesson, count)
    assert "mark as not watched" in html


# -- certificates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_certificate_download_budget(client, django_assert_max_num_queries, count):
    """The first download of a completed course of ``count`` lessons: the certificate is issued then."""
    user = UserFactory(full_name="Zephyr Learner")
    lessons = _lessons(count, "Zephyr certified lesson")
    course = _course(lessons, "zephyr-course", "Zephyr course")
    _watch(user, lessons)
    client.force_login(user)
    response = response_within_budget(
        client, django_assert_max_num_queries, 10, f"/en/videos/courses/{course.slug}/certificate/"
    )
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert Certificate.objects.get(user=user, course=course).lesson_count == count


@pytest.mark.parametrize("count", COUNTS)
def test_certificate_check_budget(client, django_assert_max_num_queries, count):
    """A certificate's public page, among ``count`` certificates of the course."""
    course = _course(_lessons(1, "Zephyr checked lesson"), "zephyr-course", "Zephyr course")
    certificates = [
        Certificate.objects.create(
            user=UserFactory(),
            course=course,
            full_name=f"Zephyr holder {i:02}",
            issued_on=timezone.localdate(),
            lesson_count=1,
            minutes=10,
        )
        for i in range(count)
    ]
    certificate = certificates[-1]
    html = page_within_budget(client, django_assert_max_num_queries, 2, f"/en/videos/certificates/{certificate.code}/")
    assert certificate.full_name in html and course.title_en in html


def test_certificate_lookup_form_budget(client, django_assert_max_num_queries):
    html = page_within_budget(client, django_assert_max_num_queries, 1, "/en/videos/certificates/")
    assert 'name="code"' in html


@pytest.mark.parametrize("count", COUNTS)
@pytest.mark.parametrize("watched", ["1", "0"])
def test_marking_a_lesson_watched_budget(client, django_assert_max_num_queries, outsider, count, watched):
    """A user who has watched ``count`` lessons marks one more as watched, or one as not watched."""
    lessons = _lessons(count + 1, "Zephyr marked lesson")
    _watch(outsider, lessons[:count])
    target = lessons[-1] if watched == "1" else lessons[0]
    client.force_login(outsider)
    # Marking is a get_or_create (with its savepoint); unmarking, one delete.
    with django_assert_max_num_queries({"1": 7, "0": 4}[watched]):
        response = client.post(f"/en/videos/{target.slug}/watched/", {"watched": watched})
    assert response.status_code == 302
    assert WatchedLesson.objects.filter(user=outsider, lesson=target).exists() == (watched == "1")
