from modeltranslation.translator import TranslationOptions, register

from contests.models import Contest, Criterion, Question


@register(Contest)
class ContestTranslation(TranslationOptions):
    fields = ("title", "summary", "rules")
    required_languages = {"default": ()}


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"default": ()}


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help_text")
    required_languages = {"default": ()}
