from django.contrib import admin

from .models import Award, Objection, ResultSettings


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["title", "entry", "edition", "category", "final_score"]
    list_filter = ["edition"]


@admin.register(ResultSettings)
class ResultSettingsAdmin(admin.ModelAdmin):
    list_display = ["edition", "method", "bootstrap", "seed", "locked_at"]


@admin.register(Objection)
class ObjectionAdmin(admin.ModelAdmin):
    list_display = ["edition", "name", "filed_at", "status"]
    list_filter = ["edition", "status"]
