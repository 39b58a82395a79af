from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Category, Criterion, Edition, EntryGroup, Phase, ProposalSection, RubricLevel, Stage


class StageLabels:
    """Stage choices named with their edition's year: fifteen "Penilaian Proposal" look alike otherwise."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "stage":
            field.queryset = field.queryset.select_related("edition")
            field.label_from_instance = lambda stage: stage.label
        return field


class PhaseInline(StageLabels, admin.TabularInline):
    model = Phase
    extra = 0


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 0


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


class SectionInline(admin.TabularInline):
    model = ProposalSection
    extra = 0


class GroupInline(admin.TabularInline):
    model = EntryGroup
    extra = 0


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "status", "results_published_at"]
    inlines = [PhaseInline, GroupInline, CategoryInline, StageInline, SectionInline]


class RubricInline(admin.TabularInline):
    model = RubricLevel
    extra = 0


@admin.register(Criterion)
class CriterionAdmin(StageLabels, admin.ModelAdmin):
    list_display = ["name", "stage_label", "weight", "min_score", "max_score"]
    list_select_related = ["stage__edition"]

    @admin.display(description=_("stage"))
    def stage_label(self, criterion):
        return criterion.stage.label
    list_filter = ["stage__edition", "stage__kind"]
    inlines = [RubricInline]
