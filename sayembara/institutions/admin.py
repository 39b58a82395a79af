from django.contrib import admin

from .models import Institution, InstitutionType


@admin.register(InstitutionType)
class InstitutionTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order", "participates"]


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "parent", "active"]
    list_filter = ["type", "active"]
    search_fields = ["name", "short_name", "aliases"]
    autocomplete_fields = ["parent"]
    list_select_related = ["type", "parent"]
