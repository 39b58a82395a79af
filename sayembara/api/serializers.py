"""What the API answers, field by field: the schema at /api/schema/ is generated from these."""

from __future__ import annotations

from rest_framework import serializers

from sayembara.entries.models import Entry, Innovation

MAX_ID = 2**31 - 1


# --- Query parameters -------------------------------------------------------------


class RegistrySearchQuery(serializers.Serializer):
    """The registry page's filters (``registry.services.SearchFilters``); junk is refused with 400."""

    q = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text="Words to look for.")
    year = serializers.IntegerField(required=False, min_value=1, max_value=9999, help_text="Edition year.")
    type = serializers.CharField(required=False, allow_blank=True, max_length=40, help_text="Institution type code.")
    institution = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="Institution id.")
    category = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text="Category name.")
    digital = serializers.ChoiceField(required=False, choices=["yes", "no"], help_text="Digital innovations or not.")
    maturity = serializers.ChoiceField(required=False, choices=Innovation.Maturity.choices)
    status = serializers.ChoiceField(required=False, choices=["active", "stopped", "replicated"])
    award = serializers.ChoiceField(required=False, choices=["yes", "no"], help_text="Awarded innovations or not.")


class StageQuery(serializers.Serializer):
    stage = serializers.IntegerField(required=False, min_value=1, max_value=32767, help_text="Only this stage (its order).")


class EntriesQuery(serializers.Serializer):
    status = serializers.ChoiceField(required=False, choices=Entry.Status.choices, help_text="Only entries in this status.")


# --- Registry ---------------------------------------------------------------------


class UnitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    type = serializers.CharField(source="type.code", help_text="Institution type code (OPD, Pemdes, BUMD...).")


class InnovationSerializer(serializers.Serializer):
    """An innovation as the registry's list shows it (from its public registry record)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    institution = UnitSerializer()
    is_digital = serializers.BooleanField()
    maturity = serializers.CharField()
    form = serializers.CharField()
    status = serializers.CharField(source="registry_record.status")
    years = serializers.CharField(source="registry_record.years", help_text="Editions it took part in.")
    first_year = serializers.IntegerField(source="registry_record.first_year", allow_null=True)
    last_year = serializers.IntegerField(source="registry_record.last_year", allow_null=True)
    award_count = serializers.IntegerField(source="registry_record.award_count")
    best_award = serializers.CharField(source="registry_record.best_award")
    replication_count = serializers.IntegerField(source="registry_record.replication_count")
    url = serializers.SerializerMethodField(help_text="The innovation's public page.")

    def get_url(self, innovation) -> str:
        from django.urls import reverse

        return self.context["request"].build_absolute_uri(reverse("registry:detail", args=[innovation.pk]))


class OriginSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    institution = serializers.CharField(source="institution.name")


class AwardInHistorySerializer(serializers.Serializer):
    title = serializers.CharField()
    category = serializers.CharField(source="category.name", default="", allow_null=True)


class HistorySerializer(serializers.Serializer):
    year = serializers.IntegerField()
    entry = serializers.CharField(source="entry.code", help_text="Entry number.")
    title = serializers.CharField(source="entry.title")
    institution = serializers.CharField(source="entry.institution.name")
    category = serializers.CharField(source="entry.category.name", default="", allow_null=True)
    stage_reached = serializers.CharField(source="stage.name", default="", allow_null=True)
    awards = AwardInHistorySerializer(many=True, help_text="Only once the edition's results are public.")


class InnovationDetailSerializer(InnovationSerializer):
    summary = serializers.CharField()
    started_on = serializers.DateField(allow_null=True)
    replicated_from = OriginSerializer(allow_null=True)
    history = HistorySerializer(many=True, help_text="Its public entries, oldest first.")


class ReplicaSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class ReplicationSerializer(serializers.Serializer):
    institution = serializers.CharField(source="institution.name", help_text="The replicating unit.")
    innovation = ReplicaSerializer(allow_null=True, help_text="The replicating unit's own innovation, if recorded.")
    recorded_at = serializers.DateTimeField(source="record.created_at", default=None, allow_null=True)


# --- Published results --------------------------------------------------------------


class VersionSerializer(serializers.Serializer):
    """A frozen result: the publication or a correction (ralat), with the SHA-256 of its published file."""

    kind = serializers.ChoiceField(choices=["publication", "correction"])
    number = serializers.IntegerField(help_text="0 for the publication, else the correction's number.")
    sha256 = serializers.CharField(min_length=64, max_length=64, help_text="SHA-256 (hex) of the published JSON file.")
    published_at = serializers.DateTimeField()


class PublishedAwardSerializer(serializers.Serializer):
    entry = serializers.CharField(help_text="Entry number.")
    title = serializers.CharField(help_text="Entry title (from the published ranking).")
    institution = serializers.CharField()
    award = serializers.CharField()
    category = serializers.CharField()
    order = serializers.IntegerField()


class EditionResultsSummarySerializer(serializers.Serializer):
    year = serializers.IntegerField()
    title = serializers.CharField()
    results_published_at = serializers.DateTimeField()
    sha256 = serializers.CharField(help_text="SHA-256 of the current published file (the latest correction, if any).")
    url = serializers.URLField(help_text="This API's page of the edition's results.")


class EditionResultsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    title = serializers.CharField()
    host = serializers.CharField()
    method = serializers.CharField(help_text="Ranking method.")
    results_published_at = serializers.DateTimeField()
    current = VersionSerializer(help_text="What the result is now: download `file_url` and compare its SHA-256.")
    versions = VersionSerializer(many=True, help_text="The publication and every published correction, in order.")
    intact = serializers.BooleanField(help_text="Whether the stored file still hashes to `current.sha256`.")
    file_url = serializers.URLField(help_text="The published JSON file (inputs and outputs) that `current.sha256` covers.")
    page_url = serializers.URLField(help_text="The public results page.")
    ranking_url = serializers.URLField(help_text="The ranking, page by page.")
    ranking_count = serializers.IntegerField()
    awards = PublishedAwardSerializer(many=True)


class RankingRowSerializer(serializers.Serializer):
    entry = serializers.CharField()
    title = serializers.CharField()
    institution = serializers.CharField()
    score = serializers.FloatField()
    rank = serializers.IntegerField()
    rank_low = serializers.IntegerField(allow_null=True)
    rank_high = serializers.IntegerField(allow_null=True)
    tie = serializers.BooleanField()


# --- Organiser exports --------------------------------------------------------------


class ExportEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    institution = UnitSerializer()
    innovation = serializers.IntegerField(source="innovation_id")
    category = serializers.CharField(source="category.name", default="", allow_null=True)
    reached_stage = serializers.IntegerField(source="reached_stage.order", default=None, allow_null=True)
    created_at = serializers.DateTimeField()
    sent_at = serializers.DateTimeField(allow_null=True)


class JurorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="user.full_name")
    element = serializers.CharField()


class ExportAssignmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    stage = serializers.IntegerField(source="stage.order")
    juror = JurorSerializer()
    entry = serializers.CharField(source="entry.code")
    created_at = serializers.DateTimeField()


class ExportScoreSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sheet = serializers.IntegerField(source="sheet_id")
    sheet_status = serializers.CharField(source="sheet.status")
    submitted_at = serializers.DateTimeField(source="sheet.submitted_at", allow_null=True)
    stage = serializers.IntegerField(source="sheet.stage.order")
    juror = JurorSerializer(source="sheet.juror")
    entry = serializers.CharField(source="sheet.entry.code")
    criterion = serializers.CharField(source="criterion.code")
    value = serializers.DecimalField(max_digits=6, decimal_places=2, coerce_to_string=False)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
