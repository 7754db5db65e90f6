from modeltranslation.translator import TranslationOptions, register

from events.models import Event, EventMaterial, PressRelease


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "venue")
    required_languages = {"default": ()}


@register(PressRelease)
class PressReleaseTranslation(TranslationOptions):
    fields = ("title", "lead", "body", "media_contact")
    required_languages = {"default": ()}


@register(EventMaterial)
class EventMaterialTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"default": ()}
