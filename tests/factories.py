import datetime
import functools

import factory
from django.utils import timezone

from accounts.models import User
from events.models import Event, PressRelease
from portal.models import Municipality, Organization, Project
from practices.models import Practice, Replication, Sector


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.kg")
    full_name = "Aida Usenova"
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"organization-{n}")
    name_en = factory.Sequence(lambda n: f"Organization {n}")
    name_ru = factory.Sequence(lambda n: f"Организация {n}")
    kind = Organization.Kind.NGO


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    slug = factory.Sequence(lambda n: f"project-{n}")
    name_en = factory.Sequence(lambda n: f"Project {n}")
    name_ru = factory.Sequence(lambda n: f"Проект {n}")
    start_year = 2019


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"practice-{n}")
    title_en = factory.Sequence(lambda n: f"Practice number {n}")
    title_ru = factory.Sequence(lambda n: f"Практика номер {n}")
    title_ky = factory.Sequence(lambda n: f"Тажрыйба {n}")
    summary_en = "Residents and the ayil okmotu repaired the water pipes together."
    summary_ru = "Жители и айыл окмоту вместе отремонтировали водопровод."
    summary_ky = "Тургундар жана айыл өкмөтү суу түтүктөрүн чогуу оңдошту."
    results_en = "Every household now has water."
    municipality = factory.LazyFunction(lambda: Municipality.objects.order_by("pk").first())
    status = Practice.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):
        if create:
            obj.sectors.set(extracted if extracted is not None else Sector.objects.order_by("pk")[:2])


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = Event.Kind.SEMINAR
    title_en = factory.Sequence(lambda n: f"Seminar {n}")
    title_ru = factory.Sequence(lambda n: f"Семинар {n}")
    title_ky = factory.Sequence(lambda n: f"Семинар {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=4))
    municipality = factory.LazyFunction(lambda: Municipality.objects.order_by("pk").first())


class PressReleaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressRelease

    slug = factory.Sequence(lambda n: f"news-{n}")
    title_en = factory.Sequence(lambda n: f"News {n}")
    title_ru = factory.Sequence(lambda n: f"Новость {n}")
    title_ky = factory.Sequence(lambda n: f"Жаңылык {n}")
    lead_en = "A short lead."
    body_en = "First paragraph.\n\nSecond paragraph."
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


class MunicipalityPicker:
    """Reference municipalities (shipped by the migrations) for factories and tests."""

    @staticmethod
    def with_coordinates():
        return list(Municipality.objects.filter(latitude__isnull=False, district__isnull=False).order_by("pk"))


class ReplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Replication

    practice = factory.SubFactory(PracticeFactory)
    municipality = factory.Sequence(lambda n: Municipality.objects.order_by("-pk")[n % Municipality.objects.count()])
    year = 2023
    results_en = "Fewer complaints about water."


@functools.cache
def small_pdf(text="A document"):
    """A one-page PDF (drawn once per text: fpdf2 takes a tenth of a second to embed the font)."""
    from portal.pdf import text_document

    return text_document(text, ["One line of text."])


class LibraryDocumentFactory(factory.django.DjangoModelFactory):
    """A published library document with one Russian PDF, a sector and an audience."""

    class Meta:
        model = "library.LibraryDocument"
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"document-{n}")
    title_en = factory.Sequence(lambda n: f"Guide number {n}")
    title_ru = factory.Sequence(lambda n: f"Руководство номер {n}")
    kind = "guide"
    year = 2024
    publisher = factory.SubFactory(OrganizationFactory)
    is_published = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create:
            from practices.models import Audience

            obj.sectors.set(Sector.objects.order_by("pk")[:1])
            obj.audiences.set(Audience.objects.order_by("pk")[:1])
            obj.tags.add("water")

    @factory.post_generation
    def files(obj, create, extracted, **kwargs):
        if create:
            from django.core.files.base import ContentFile

            from library.models import LibraryFile

            for language in extracted if extracted is not None else ["ru"]:
                LibraryFile(document=obj, language=language).file.save(
                    f"{obj.slug}-{language}.pdf", ContentFile(small_pdf())
                )


class VideoLessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "lessons.VideoLesson"
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"lesson-{n}")
    title_en = factory.Sequence(lambda n: f"Lesson number {n}")
    description_en = "How a village council prepares a public hearing."
    video_url = "https://www.youtube.com/watch?v=LSGlesson01"
    duration_minutes = 12
    is_published = True

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):
        if create:
            obj.sectors.set(Sector.objects.order_by("pk")[:1])


def course_of(lessons, slug="course-1"):
    from lessons.models import Course, CourseLesson

    course = Course.objects.create(slug=slug, title_en="Local budgets step by step", is_published=True)
    for position, lesson in enumerate(lessons, start=1):
        CourseLesson.objects.create(course=course, lesson=lesson, position=position)
    return course


# The contest: one contest a test shapes by its phases, its jurors, entries, scores and voters.

DAY = datetime.timedelta(days=1)


def make_contest(now=None, **changes):
    """A published contest in its submissions phase (open ten days ago, closing in twenty)."""
    from contests.models import Contest

    now = now or timezone.now()
    fields = {
        "slug": "contest-2030",
        "year": 2030,
        "title_en": "Best Practice Contest 2030",
        "rules_en": "Open to every ayil aimak.\n\nEntries in three languages are welcome.",
        "submissions_open_at": now - 10 * DAY,
        "submissions_close_at": now + 20 * DAY,
        "review_starts_at": now + 21 * DAY,
        "review_ends_at": now + 40 * DAY,
        "vote_opens_at": now + 41 * DAY,
        "vote_closes_at": now + 50 * DAY,
        "results_at": now + 60 * DAY,
        "jury_share": 70,
        "is_published": True,
    }
    fields.update(changes)
    return Contest.objects.create(**fields)


def in_review_contest(slug="contest-2030", year=2030):
    """A contest whose jury is scoring now; the vote opens in six days."""
    now = timezone.now()
    return make_contest(
        slug=slug,
        year=year,
        submissions_open_at=now - 30 * DAY,
        submissions_close_at=now - 10 * DAY,
        review_starts_at=now - 5 * DAY,
        review_ends_at=now + 5 * DAY,
        vote_opens_at=now + 6 * DAY,
        vote_closes_at=now + 10 * DAY,
        results_at=now + 12 * DAY,
    )


def voting_contest(**changes):
    """A contest whose public vote is open now (for five more days)."""
    now = timezone.now()
    return make_contest(
        submissions_open_at=now - 40 * DAY,
        submissions_close_at=now - 30 * DAY,
        review_starts_at=now - 29 * DAY,
        review_ends_at=now - 10 * DAY,
        vote_opens_at=now - 5 * DAY,
        vote_closes_at=now + 5 * DAY,
        results_at=now + 10 * DAY,
        **changes,
    )


def juror(contest, email):
    """A member of the jury group, on this contest's jury."""
    from django.contrib.auth.models import Group

    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name="Jury members"))
    contest.jury.add(user)
    return user


def entry(contest, title, municipality="at-bashy"):
    """A submitted entry: a draft practice of that title from that municipality."""
    from contests.models import Entry
    from practices.proposals import new_draft_practice

    place = Municipality.objects.get(slug=municipality)
    practice = new_draft_practice(place, "en", title)
    return Entry.objects.create(contest=contest, practice=practice, municipality=place, status="submitted")


def score(entry_, juror_, values):
    """The juror's scores for the entry, one value per criterion in the contest's order."""
    from contests.models import Score

    for criterion, value in zip(entry_.contest.criteria.order_by("position"), values, strict=True):
        Score.objects.create(entry=entry_, juror=juror_, criterion=criterion, value=value)


def voter(email="voter@example.kg", verified=True):
    """A user whose primary e-mail address is (or is not yet) verified."""
    from allauth.account.models import EmailAddress

    user = UserFactory(email=email)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def shortlist(contest, entry_ids):
    """Shortlisted by the organizer before the vote opened (set_shortlist refuses it once the vote is on)."""
    contest.entries.filter(pk__in=entry_ids).update(status="shortlisted")


# Records of the models the sample content has none of (the admin tests open one of each).


class EmailAddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "account.EmailAddress"

    user = factory.SubFactory(UserFactory)
    email = factory.LazyAttribute(lambda address: address.user.email)
    verified = True
    primary = True


class SavedPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.SavedPractice"

    user = factory.SubFactory(UserFactory)
    practice = factory.SubFactory(PracticeFactory)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Registration"

    event = factory.SubFactory(EventFactory)
    full_name = "Бакыт Асанов"
    email = factory.Sequence(lambda n: f"participant{n}@example.kg")
    language = "ky"
    consent_at = factory.LazyFunction(timezone.now)
    seat = factory.Sequence(lambda n: n + 1)


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "lessons.Certificate"

    user = factory.SubFactory(UserFactory)
    course = factory.LazyFunction(lambda: course_of([VideoLessonFactory()], slug="certificate-course"))
    full_name = "Aida Usenova"
    issued_on = datetime.date(2026, 11, 20)
    lesson_count = 1
    minutes = 12


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "taggit.Tag"

    name = factory.Sequence(lambda n: f"tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")


class _AccessFactory(factory.django.DjangoModelFactory):
    """What django-axes records of a sign-in attempt."""

    class Meta:
        abstract = True

    user_agent = "Mozilla/5.0"
    ip_address = "127.0.0.1"
    username = "target@example.kg"
    http_accept = "text/html"
    path_info = "/en/account/login/"


class AccessAttemptFactory(_AccessFactory):
    class Meta:
        model = "axes.AccessAttempt"

    get_data = ""
    post_data = "login=target@example.kg"
    failures_since_start = 1


class AccessFailureLogFactory(_AccessFactory):
    class Meta:
        model = "axes.AccessFailureLog"


class AccessLogFactory(_AccessFactory):
    class Meta:
        model = "axes.AccessLog"


class ScoreFactory(factory.django.DjangoModelFactory):
    """One juror's score on one criterion of an entry in a contest under review."""

    class Meta:
        model = "contests.Score"

    entry = factory.Sequence(lambda n: entry(in_review_contest(slug=f"scored-{n}", year=2100 + n), f"Scored {n}"))
    juror = factory.LazyAttribute(lambda score_: juror(score_.entry.contest, f"juror-of-{score_.entry.pk}@jury.kg"))
    criterion = factory.LazyAttribute(
        lambda score_: score_.entry.contest.criteria.create(title_en="Results", weight=1, position=0)
    )
    value = 7
    comment = "Clear figures."


class VoteFactory(factory.django.DjangoModelFactory):
    """A verified user's vote for a shortlisted entry while the vote is open."""

    class Meta:
        model = "contests.Vote"
        skip_postgeneration_save = True

    entry = factory.Sequence(lambda n: entry(voting_contest(slug=f"voted-{n}", year=2200 + n), f"Voted {n}"))
    contest = factory.LazyAttribute(lambda vote: vote.entry.contest)
    user = factory.Sequence(lambda n: voter(f"citizen{n}@example.kg"))

    @factory.post_generation
    def shortlisted(obj, create, extracted, **kwargs):
        if create:
            shortlist(obj.contest, [obj.entry_id])


def small_photo(name="photo.jpg"):
    """A 40 × 30 JPEG, as an upload."""
    from io import BytesIO

    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "#3a7").save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name=name)


def attach_media(practice, count):
    """``count`` photos, documents and video links on the practice (small files, distinct titles)."""
    from django.core.files.base import ContentFile

    from practices.models import PracticeDocument, PracticeImage, PracticeVideo

    for i in range(count):
        PracticeImage.objects.create(practice=practice, image=small_photo(), alt_text_en=f"Zephyr photo {i:02}")
        PracticeDocument.objects.create(
            practice=practice, title_en=f"Zephyr report {i:02}", file=ContentFile(b"%PDF-1.4 test", name="report.pdf")
        )
        PracticeVideo.objects.create(
            practice=practice, url=f"https://youtu.be/zephyr{i:05}", title_en=f"Zephyr video {i:02}"
        )
