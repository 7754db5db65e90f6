from modeltranslation.translator import TranslationOptions, register

from lessons.models import Course, VideoLesson


@register(VideoLesson)
class VideoLessonTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"default": ()}


@register(Course)
class CourseTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"default": ()}
