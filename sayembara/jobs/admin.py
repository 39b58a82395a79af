from django.contrib import admin

from sayembara.admin_tools import ReadOnlyAdmin

from .models import Job, OutboundEmail


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "state", "progress", "scope", "created_by", "created_at", "attempts"]
    list_filter = ["state", "kind"]
    search_fields = ["kind", "key", "scope"]


@admin.register(OutboundEmail)
class OutboundEmailAdmin(ReadOnlyAdmin):
    list_display = ["pk", "subject", "state", "attempts", "created_at", "sent_at"]
    list_filter = ["state"]
    search_fields = ["subject"]
