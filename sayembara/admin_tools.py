"""Shared pieces of the back office."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """A register that can be read but not edited in the back office: its rows are written by the app only,
    where each change is checked and audited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
