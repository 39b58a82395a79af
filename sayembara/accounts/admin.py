from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "institution", "is_organiser", "verified_institution", "is_active"]
    list_filter = ["is_organiser", "is_active", "is_staff"]
    search_fields = ["email", "full_name", "username"]
    autocomplete_fields = ["institution", "verified_institution"]
    fieldsets = [
        (None, {"fields": ["email", "username", "password"]}),
        (_("Person"), {"fields": ["full_name", "phone", "position", "institution"]}),
        (_("Roles"), {"fields": ["is_organiser", "verified_institution", "is_active", "is_staff", "is_superuser", "groups"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "username", "full_name", "password1", "password2"]})]
