"""Video lessons: privacy-friendly embeds, progress per course, certificates and their public check."""

import re

import pytest
from django.utils import translation

from lessons.models import Certificate, WatchedLesson
from tests.factories import UserFactory, VideoLessonFactory, course_of
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def _certificate(user, course):
    return Certificate.objects.create(
        user=user, course=course, full_name="Aida Usenova", issued_on="2026-11-20", lesson_count=1, minutes=12
    )


def _watch(client, lesson):
    return client.post(f"/en/videos/{lesson.slug}/watched/", {"watched": "1"})


def test_the_lesson_page_loads_nothing_from_the_video_site_before_the_click(client, db):
    lesson = VideoLessonFactory(video_url="https://youtu.be/LSGlesson01")
    response = client.get(f"/en/videos/{lesson.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<iframe" not in html
    # The only mention of YouTube that a browser would fetch is the player URL kept in a data attribute.
    fetched = re.findall(r'(?:src|srcset|poster)="([^"]+)"', html)
    assert not [url for url in fetched if url.startswith(("http:", "https:", "//"))]
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/LSGlesson01?autoplay=1"' in html
    assert 'href="https://www.youtube.com/watch?v=LSGlesson01"' in html  # a link works without JavaScript
    assert "https://www.youtube-nocookie.com" in response["Content-Security-Policy"]


def test_a_lesson_link_that_is_not_a_video_site_is_refused(db):
    from django.core.exceptions import ValidationError

    lesson = VideoLessonFactory.build(video_url="https://example.com/movie.mp4")
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            lesson.full_clean(exclude=["slug"])
        assert refused.value.message_dict == {
            "video_url": ["Give a YouTube, Facebook or Vimeo link to the video's page."]
        }


def test_marking_lessons_watched_shows_progress_on_the_course_and_in_the_cabinet(client, db):
    first, second = VideoLessonFactory(), VideoLessonFactory()
    course = course_of([first, second])
    user = UserFactory()
    client.force_login(user)
    response = _watch(client, first)
    assert response.status_code == 302 and response["Location"] == f"/en/videos/{first.slug}/"
    assert "1 of 2 watched" in client.get(f"/en/videos/courses/{course.slug}/").content.decode()
    cabinet = client.get("/en/account/").content.decode()
    assert "Local budgets step by step" in cabinet and "1 of 2 watched" in cabinet
    # Unmarking takes the lesson back out of the progress.
    client.post(f"/en/videos/{first.slug}/watched/", {"watched": "0"})
    assert not WatchedLesson.objects.filter(user=user).exists()


def test_only_a_signed_in_post_marks_a_lesson(client, db):
    lesson = VideoLessonFactory()
    response = _watch(client, lesson)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(f"/en/videos/{lesson.slug}/watched/").status_code == 405
    assert not WatchedLesson.objects.exists()


def test_a_certificate_for_an_incomplete_course_is_refused(client, db):
    first, second = VideoLessonFactory(), VideoLessonFactory()
    course = course_of([first, second])
    client.force_login(UserFactory())
    _watch(client, first)
    response = client.get(f"/en/videos/courses/{course.slug}/certificate/")
    assert response.status_code == 403
    assert "The certificate is given for a complete course" in response.content.decode()
    assert not Certificate.objects.exists()


def test_a_complete_course_gives_a_pdf_certificate_with_a_code_that_the_public_page_confirms(client, db):
    lessons = [VideoLessonFactory(), VideoLessonFactory()]
    course = course_of(lessons)
    user = UserFactory(full_name="Айгүл Сыдыкова")
    client.force_login(user)
    for lesson in lessons:
        _watch(client, lesson)
    response = client.get(f"/en/videos/courses/{course.slug}/certificate/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    certificate = Certificate.objects.get(user=user, course=course)
    assert certificate.full_name == "Айгүл Сыдыкова"
    assert response.content.startswith(b"%PDF-") and f"Certificate {certificate.code}".encode() in response.content
    assert f'filename="certificate-{certificate.code}.pdf"' in response["Content-Disposition"]
    # The same certificate on every download.
    client.get(f"/en/videos/courses/{course.slug}/certificate/")
    assert Certificate.objects.count() == 1

    client.logout()
    check = client.get(f"/ru/videos/certificates/{certificate.code}/")
    assert check.status_code == 200
    html = check.content.decode()
    assert "Айгүл Сыдыкова" in html and "Local budgets step by step" in html


def test_a_forged_code_is_rejected_and_a_sloppily_typed_real_one_is_found(client, db):
    lesson = VideoLessonFactory()
    course = course_of([lesson])
    user = UserFactory()
    certificate = _certificate(user, course)
    forged = "7K2M-QX9D-4TZA" if certificate.code != "7K2M-QX9D-4TZA" else "7K2M-QX9D-4TZB"
    response = client.get(f"/en/videos/certificates/{forged}/")
    assert response.status_code == 404
    assert "No certificate has this code." in response.content.decode()
    assert "Aida Usenova" not in response.content.decode()
    typed = certificate.code.replace("-", " ").lower().replace("0", "o")
    found = client.get("/en/videos/certificates/", {"code": typed})
    assert found.status_code == 302 and found["Location"] == f"/en/videos/certificates/{certificate.code}/"
    malformed = client.get("/en/videos/certificates/", {"code": "12345"})
    assert malformed.status_code == 400 and "A code has 12 letters and digits" in malformed.content.decode()


def test_a_certificate_needs_the_name_it_will_carry(client, db):
    lesson = VideoLessonFactory()
    course = course_of([lesson])
    client.force_login(UserFactory(full_name=""))
    _watch(client, lesson)
    response = client.get(f"/en/videos/courses/{course.slug}/certificate/")
    assert response.status_code == 403 and "Add it to your profile" in response.content.decode()


def test_video_pages_issue_the_same_queries_for_one_lesson_and_for_many(client, db):
    user = UserFactory()
    client.force_login(user)
    lessons = [VideoLessonFactory()]
    course = course_of(lessons)
    _watch(client, lessons[0])
    urls = ["/en/videos/", f"/en/videos/courses/{course.slug}/", f"/en/videos/{lessons[0].slug}/"]
    before = [count_queries(client, url) for url in urls]
    from lessons.models import CourseLesson

    for position in range(2, 21):
        lesson = VideoLessonFactory()
        CourseLesson.objects.create(course=course, lesson=lesson, position=position)
        _watch(client, lesson)
    assert [count_queries(client, url) for url in urls] == before


def test_a_code_typed_on_a_cyrillic_keyboard_is_read_as_the_latin_code(client, db):
    from lessons.views import normalized_code

    assert normalized_code("7К2М-QХ9D-4ТZА") == "7K2M-QX9D-4TZA"  # К, М, Х, Т, А are Cyrillic here
    assert normalized_code("７K2M QX9D 4TZA") == "7K2M-QX9D-4TZA"  # a full-width digit
    assert normalized_code("7K2M-QX9D-4TZ") is None


def test_signing_in_to_mark_a_lesson_returns_to_the_lesson(client, db):
    lesson = VideoLessonFactory()
    response = _watch(client, lesson)
    assert response["Location"] == f"/en/account/login/?next=/en/videos/{lesson.slug}/"


def test_a_certificate_stays_downloadable_and_unchanged_when_the_course_changes(client, db):
    lesson = VideoLessonFactory(duration_minutes=12)
    course = course_of([lesson])
    user = UserFactory()
    client.force_login(user)
    _watch(client, lesson)
    first = client.get(f"/en/videos/courses/{course.slug}/certificate/").content
    certificate = Certificate.objects.get()
    assert (certificate.lesson_count, certificate.minutes) == (1, 12)
    # An editor adds a lesson, then unpublishes the course: the holder keeps the same certificate.
    from lessons.models import CourseLesson

    CourseLesson.objects.create(course=course, lesson=VideoLessonFactory(duration_minutes=30), position=2)
    course_page = client.get(f"/en/videos/courses/{course.slug}/").content.decode()
    assert "1 of 2 watched" in course_page and f"/en/videos/courses/{course.slug}/certificate/" in course_page
    course.is_published = False
    course.save()
    again = client.get(f"/en/videos/courses/{course.slug}/certificate/")
    assert again.status_code == 200 and Certificate.objects.count() == 1
    assert len(again.content) == pytest.approx(len(first), abs=200)  # same text; only the PDF's timestamp differs
    assert "Local budgets step by step" in client.get("/en/account/").content.decode()


def test_a_deleted_account_leaves_its_certificates_verifiable_and_says_so_first(client, db):
    from accounts.services import delete_account

    lesson = VideoLessonFactory()
    user = UserFactory()
    certificate = _certificate(user, course_of([lesson]))
    client.force_login(user)
    assert "stays verifiable by its code" in client.get("/en/account/delete/").content.decode()
    exported = client.get("/en/account/data/").json()
    assert exported["certificates"][0]["code"] == certificate.code
    delete_account(user)
    client.logout()
    assert "Aida Usenova" in client.get(f"/en/videos/certificates/{certificate.code}/").content.decode()


def test_a_lesson_cannot_take_an_address_the_portal_uses(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        VideoLessonFactory.build(slug="certificates").full_clean()


def test_a_course_is_found_by_its_published_lessons_only_and_follows_changes(client, db):
    from lessons.models import CourseLesson
    from portal.models import SearchDocument

    course = course_of([VideoLessonFactory(title_en="Budget hearings in spring")])
    CourseLesson.objects.create(
        course=course, lesson=VideoLessonFactory(title_en="Secret draft about tariffs", is_published=False), position=2
    )
    CourseLesson.objects.create(course=course, lesson=VideoLessonFactory(title_en="Tenders for roads"), position=3)
    body = SearchDocument.objects.get(kind="course", object_id=course.pk, language="en").body
    assert "Budget hearings in spring" in body and "Tenders for roads" in body
    assert "Secret draft" not in body
