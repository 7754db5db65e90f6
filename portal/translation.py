from modeltranslation.translator import TranslationOptions, register

from portal.models import District, Municipality, Organization, Project, Region, StaticPage


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("ky", "ru", "en")


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("ky", "ru", "en")


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("ky", "ru")


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "acronym", "description")
    required_languages = ("ru",)


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("name", "acronym", "description")
    required_languages = ("ru",)


@register(StaticPage)
class StaticPageTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("ru",)
