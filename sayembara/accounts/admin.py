from django.contrib import admin

from sayembara.admin_tools import ReadOnlyAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Membership, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "institution", "is_organiser", "verified_institution", "is_active"]
    list_filter = ["is_organiser", "is_active", "is_staff"]
    search_fields = ["email", "full_name", "username"]
    autocomplete_fields = ["verified_institution"]
    # A unit is joined through an approved membership (the members page), which is audited; never set here.
    readonly_fields = ["institution", "email_confirmed_at"]
    fieldsets = [
        (None, {"fields": ["email", "username", "password", "email_confirmed_at"]}),
        (_("Person"), {"fields": ["full_name", "phone", "position", "institution"]}),
        (_("Roles"), {"fields": ["is_organiser", "verified_institution", "is_active", "is_staff", "is_superuser", "groups"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "username", "full_name", "password1", "password2"]})]


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    """Read-only history: requests are decided on the members page, where every decision is checked and audited."""

    list_display = ["user", "institution", "status", "requested_at", "decided_by", "on_behalf", "by_invitation"]
    list_filter = ["status", "on_behalf", "by_invitation"]
    search_fields = ["user__email", "user__full_name", "institution__name"]
