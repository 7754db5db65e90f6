from modeltranslation.translator import TranslationOptions, register

from library.models import LibraryDocument


@register(LibraryDocument)
class LibraryDocumentTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = {"default": ()}
