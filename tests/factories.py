import datetime

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


def small_pdf(text="A document"):
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
                    f"{obj.slug}-{language}.pdf", ContentFile(small_pdf(obj.title_en))
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
