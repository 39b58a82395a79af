from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from sayembara.admin_tools import ReadOnlyAdmin

from . import describe
from .models import AuditEvent


class RecordTypeFilter(admin.SimpleListFilter):
    title = _("record type")
    parameter_name = "model"

    def lookups(self, request, model_admin):
        return describe.record_types()

    def queryset(self, request, queryset):
        return queryset.filter(model=self.value()) if self.value() else queryset


class DescribedChangeList(ChangeList):
    """Says the page's events in words, all at once (one query per kind of record, not per row)."""

    def get_results(self, request):
        super().get_results(request)
        for event, said in zip(self.result_list, describe.describe(self.result_list)):
            event.said = said


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: an audit trail that can be edited is not an audit trail."""

    list_display = ["when", "who", "what", "why"]
    list_filter = ["action", RecordTypeFilter]
    search_fields = ["summary", "object_id", "note"]
    list_select_related = ["actor__institution", "actor__verified_institution"]

    def get_changelist(self, request, **kwargs):
        return DescribedChangeList

    def _said(self, obj):
        said = getattr(obj, "said", None)
        if said is None:  # the detail page: one event
            said = obj.said = describe.describe(describe.with_actors(AuditEvent.objects.filter(pk=obj.pk)))[0]
        return said

    @admin.display(description=_("When"), ordering="at")
    def when(self, obj):
        return self._said(obj).when

    @admin.display(description=_("Who"))
    def who(self, obj):
        return self._said(obj).who

    @admin.display(description=_("What"))
    def what(self, obj):
        said = self._said(obj)
        return format_html("<strong>{}</strong>{}", said.what, format_html_join(
            "", "<br>{}", ((line,) for line in ([said.context] if said.context else []) + said.details)))

    @admin.display(description=_("Why"))
    def why(self, obj):
        return self._said(obj).why

    def get_fields(self, request, obj=None):
        # The stored event as it was written (the evidence), under the words it reads as.
        return ["when", "who", "what", "why", "at", "actor", "action", "model", "object_id", "summary", "changes", "note"]

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)
