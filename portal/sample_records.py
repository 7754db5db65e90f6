"""What both demo loaders (sample_content and sample_learning) write their records with."""

from portal.reference_data import translated
from practices.models import PracticeTag


def translations(item, *fields):
    """The translated columns (title_ky, title_ru, …) of the item's fields that the file gives."""
    columns = {}
    for field in fields:
        if field in item and item[field] is not None:
            columns.update(translated(field, item[field]))
    return columns


def language_tags(tags_by_language):
    """Tags by their language, as the file lists them: {"ky": [...], "ru": [...]}, made once each."""
    tags = []
    for code, names in tags_by_language.items():
        for name in names:
            tag, _ = PracticeTag.objects.get_or_create(name=name, defaults={"language": code})
            tags.append(tag)
    return tags
