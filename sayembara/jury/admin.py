from django.contrib import admin

from .models import Assignment, Conflict, Juror, Score, ScoreSheet, StageJury, TimeSlot


@admin.register(Juror)
class JurorAdmin(admin.ModelAdmin):
    list_display = ["user", "edition", "element", "affiliation", "max_load"]
    list_filter = ["edition", "element"]
    autocomplete_fields = ["user", "affiliation"]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0


@admin.register(ScoreSheet)
class ScoreSheetAdmin(admin.ModelAdmin):
    list_display = ["entry", "juror", "stage", "status", "submitted_at"]
    list_filter = ["stage__edition", "stage", "status"]
    list_select_related = ["entry", "juror__user", "stage"]
    inlines = [ScoreInline]


admin.site.register(Assignment)
admin.site.register(Conflict)


@admin.register(StageJury)
class StageJuryAdmin(admin.ModelAdmin):
    list_display = ["stage", "mode", "per_entry", "locked_at"]


admin.site.register(TimeSlot)
