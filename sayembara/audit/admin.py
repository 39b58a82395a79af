from django.contrib import admin

from sayembara.admin_tools import ReadOnlyAdmin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: an audit trail that can be edited is not an audit trail."""

    list_display = ["at", "actor", "action", "model", "object_id", "summary"]
    list_filter = ["action", "model"]
    search_fields = ["summary", "object_id"]
