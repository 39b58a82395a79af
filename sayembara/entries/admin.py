from django.contrib import admin

from .models import SDG, DeadlineExtension, Entry, EntrySettings, EvidenceSlot, Innovation, ProposalAnswer, TeamMember


class TeamInline(admin.TabularInline):
    model = TeamMember
    extra = 0
    autocomplete_fields = ["user"]


class AnswerInline(admin.StackedInline):
    model = ProposalAnswer
    extra = 0


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "institution", "edition", "category", "status"]
    list_filter = ["edition", "status", "institution__type"]
    search_fields = ["code", "title", "institution__name"]
    list_select_related = ["institution", "edition", "category"]
    autocomplete_fields = ["innovation", "institution"]
    inlines = [TeamInline, AnswerInline]


@admin.register(Innovation)
class InnovationAdmin(admin.ModelAdmin):
    list_display = ["title", "institution", "status", "maturity", "is_digital"]
    list_filter = ["status", "maturity", "is_digital", "institution__type"]
    search_fields = ["title", "institution__name"]
    autocomplete_fields = ["institution", "replicated_from"]


@admin.register(EntrySettings)
class EntrySettingsAdmin(admin.ModelAdmin):
    list_display = ["edition", "screening_published_at"]


@admin.register(EvidenceSlot)
class EvidenceSlotAdmin(admin.ModelAdmin):
    list_display = ["name", "edition", "code", "required", "accepts", "order"]
    list_filter = ["edition", "required"]


@admin.register(SDG)
class SDGAdmin(admin.ModelAdmin):
    list_display = ["__str__"]


@admin.register(DeadlineExtension)
class DeadlineExtensionAdmin(admin.ModelAdmin):
    list_display = ["edition", "institution", "until"]
    list_filter = ["edition"]
