from django.contrib import admin

from .models import Category, Criterion, Edition, Phase, ProposalSection, RubricLevel, Stage


class PhaseInline(admin.TabularInline):
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


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "status", "results_published_at"]
    inlines = [PhaseInline, CategoryInline, StageInline, SectionInline]


class RubricInline(admin.TabularInline):
    model = RubricLevel
    extra = 0


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["name", "stage", "weight", "min_score", "max_score"]
    list_filter = ["stage__edition", "stage__kind"]
    inlines = [RubricInline]
