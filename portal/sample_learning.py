"""The sample e-library, video course and collections (portal/data/sample_learning.json).

The library's files are written here as small PDFs from the lines in the file, so the repository holds
no binary documents; the lessons' video links are examples an editor replaces.
"""

from pathlib import Path

from django.core.files.base import ContentFile

from curation.models import Collection
from lessons.models import Course, CourseLesson, VideoLesson
from library.covers import refresh_thumbnail
from library.models import LibraryDocument, LibraryFile
from portal.pdf import text_document
from portal.sample_records import language_tags, translations
from practices.models import Audience, Sector

LEARNING_FILE = Path(__file__).resolve().parent / "data" / "sample_learning.json"


def load_learning_content(data, organizations, practices, events):
    sectors = {s.slug: s for s in Sector.objects.all()}
    audiences = {a.slug: a for a in Audience.objects.all()}
    documents = {
        item["slug"]: _load_document(item, organizations, sectors, audiences) for item in data.get("library", [])
    }
    lessons = {}
    for item in data.get("lessons", []):
        lesson, _ = VideoLesson.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "video_url": item["video_url"],
                "duration_minutes": item["duration_minutes"],
                "is_published": True,
                **translations(item, "title", "description"),
            },
        )
        lesson.sectors.set([sectors[slug] for slug in item.get("sectors", [])])
        lesson.audiences.set([audiences[slug] for slug in item.get("audiences", [])])
        lessons[item["slug"]] = lesson
    for item in data.get("courses", []):
        course, _ = Course.objects.update_or_create(
            slug=item["slug"], defaults={"is_published": True, **translations(item, "title", "description")}
        )
        for position, slug in enumerate(item["lessons"], start=1):
            CourseLesson.objects.update_or_create(course=course, lesson=lessons[slug], defaults={"position": position})
        course.steps.exclude(lesson__slug__in=item["lessons"]).delete()
    for position, item in enumerate(data.get("collections", []), start=1):
        collection, _ = Collection.objects.update_or_create(
            slug=item["slug"],
            defaults={"is_published": True, "position": position, **translations(item, "title", "intro")},
        )
        collection.audiences.set([audiences[slug] for slug in item.get("audiences", [])])
        collection.practices.set([practices[slug] for slug in item.get("practices", [])])
        collection.documents.set([documents[slug] for slug in item.get("documents", [])])
        collection.lessons.set([lessons[slug] for slug in item.get("lessons", [])])
        collection.events.set([events[slug] for slug in item.get("events", [])])
    return {
        "library documents": len(documents),
        "video lessons": len(lessons),
        "courses": len(data.get("courses", [])),
        "collections": len(data.get("collections", [])),
    }


def _load_document(item, organizations, sectors, audiences):
    document, _ = LibraryDocument.objects.update_or_create(
        slug=item["slug"],
        defaults={
            "kind": item["kind"],
            "year": item.get("year"),
            "publisher": organizations.get(item.get("publisher")),
            "is_published": True,
            **translations(item, "title", "summary"),
        },
    )
    document.sectors.set([sectors[slug] for slug in item.get("sectors", [])])
    document.audiences.set([audiences[slug] for slug in item.get("audiences", [])])
    document.tags.set(language_tags(item.get("tags", {})))
    for file_item in item.get("files", []):
        # Written once: a rerun keeps the file (and its download count) in place.
        if not document.files.filter(language=file_item["language"]).exists():
            library_file = LibraryFile(document=document, language=file_item["language"])
            pdf = text_document(file_item["title"], file_item["lines"], file_item["language"])
            library_file.file.save(f"{item['slug']}-{file_item['language']}.pdf", ContentFile(pdf))
    refresh_thumbnail(document)
    return document
