from modeltranslation.translator import TranslationOptions, register

from practices.models import Audience, Practice, PracticeDocument, PracticeImage, PracticeVideo, Replication, Sector


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("ky", "ru", "en")


@register(Audience)
class AudienceTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("ky", "ru", "en")


@register(Practice)
class PracticeTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "situation_before",
        "objectives",
        "resources",
        "process",
        "results",
        "sustainability",
        "lessons_learned",
        "how_to_replicate",
        "contact_name",
    )
    # One language is enough to publish; the others fall back (ru -> ky -> en) until translated.
    required_languages = {"default": ()}


@register(PracticeImage)
class PracticeImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption")
    required_languages = {"default": ()}


@register(PracticeDocument)
class PracticeDocumentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"default": ()}


@register(PracticeVideo)
class PracticeVideoTranslation(TranslationOptions):
    fields = ("title",)


@register(Replication)
class ReplicationTranslation(TranslationOptions):
    fields = ("results",)
