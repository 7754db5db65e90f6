from modeltranslation.translator import TranslationOptions, register

from curation.models import Collection


@register(Collection)
class CollectionTranslation(TranslationOptions):
    fields = ("title", "intro")
    required_languages = {"default": ()}
