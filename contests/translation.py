from modeltranslation.translator import TranslationOptions, register

from contests.models import Contest, Criterion, Entry, Question


@register(Contest)
class ContestTranslation(TranslationOptions):
    fields = ("title", "summary", "rules", "results_note")
    required_languages = {"default": ()}


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"default": ()}


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help_text")
    required_languages = {"default": ()}


@register(Entry)
class EntryTranslation(TranslationOptions):
    fields = ("award",)
    required_languages = {"default": ()}
