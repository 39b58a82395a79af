from django.contrib import admin

from .models import Award


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["title", "entry", "edition", "category", "final_score"]
    list_filter = ["edition"]
