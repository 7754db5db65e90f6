from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.admin_base import TranslatedAdmin
from portal.models import District, Municipality, Organization, Project, ProjectPartner, Region, StaticPage

admin.site.site_header = _("LSG Best Practice Portal")
admin.site.site_title = _("LSG Best Practice Portal")
admin.site.index_title = _("Content administration")


class DistrictInline(admin.TabularInline):
    model = District
    fields = ("slug", "name_ky", "name_ru", "name_en")
    extra = 0
    show_change_link = True


@admin.register(Region)
class RegionAdmin(TranslatedAdmin):
    list_display = ("name", "kind", "slug", "position")
    list_filter = ("kind",)
    search_fields = ("name_ky", "name_ru", "name_en", "slug")
    inlines = [DistrictInline]


@admin.register(District)
class DistrictAdmin(TranslatedAdmin):
    list_display = ("name", "region", "slug")
    list_filter = ("region",)
    list_select_related = ("region",)
    search_fields = ("name_ky", "name_ru", "name_en", "slug")


@admin.register(Municipality)
class MunicipalityAdmin(TranslatedAdmin):
    list_display = ("name", "kind", "district", "region", "has_coordinates")
    list_filter = ("kind", "region")
    list_select_related = ("region", "district")
    search_fields = ("name_ky", "name_ru", "name_en", "slug")
    autocomplete_fields = ("district",)

    @admin.display(boolean=True, description=_("coordinates"))
    def has_coordinates(self, obj):
        return obj.has_coordinates


class ProjectPartnerInline(admin.TabularInline):
    model = ProjectPartner
    extra = 1
    autocomplete_fields = ("organization",)


@admin.register(Organization)
class OrganizationAdmin(TranslatedAdmin):
    list_display = ("name", "acronym", "kind", "website")
    list_filter = ("kind",)
    search_fields = ("name_ky", "name_ru", "name_en", "acronym_ky", "acronym_ru", "acronym_en", "slug")


@admin.register(Project)
class ProjectAdmin(TranslatedAdmin):
    list_display = ("name", "acronym", "start_year", "end_year")
    list_filter = ("start_year",)
    search_fields = ("name_ky", "name_ru", "name_en", "acronym_ru", "acronym_en", "slug")
    inlines = [ProjectPartnerInline]


@admin.register(StaticPage)
class StaticPageAdmin(TranslatedAdmin):
    list_display = ("title", "slug", "show_in_footer", "updated_at")
    search_fields = ("title_ky", "title_ru", "title_en", "slug")
