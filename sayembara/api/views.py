"""The REST API: the public registry and published results, the organiser's exports, and the token page.

Views stay thin: the registry's search and history come from ``registry.services``, the published result from
``results.sequence``, who may read what from ``api/rules.py`` (which asks the other apps' rulebooks).
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from sayembara.accounts.roles import organiser_required
from sayembara.audit.trail import acting_as
from sayembara.editions.models import Edition
from sayembara.entries.models import Entry, Innovation
from sayembara.jury.models import Assignment, Score
from sayembara.registry import services as registry_services
from sayembara.results import sequence
from sayembara.results.models import Correction, Publication

from . import rules, serializers, services
from .models import ApiToken
from .permissions import IsOrganiser

MAX_ID = serializers.MAX_ID
MAX_YEAR = 32767


def _bounded(value: int, maximum: int = MAX_ID) -> int:
    """A path number the database can hold; anything else names nothing (404, never an overflow)."""
    if not 0 < value <= maximum:
        raise NotFound
    return value


def _query(serializer_class, request) -> dict:
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data


YEAR = OpenApiParameter("year", {"type": "integer", "minimum": 1, "maximum": MAX_YEAR}, OpenApiParameter.PATH,
                        description="Edition year.")
PK = OpenApiParameter("id", {"type": "integer", "minimum": 1, "maximum": MAX_ID}, OpenApiParameter.PATH,
                      description="Innovation id.")
PUBLIC = ["public"]
ORGANISER = ["organiser"]


class PublicView(GenericAPIView):
    """Anyone may read; a token, if sent, must be valid (and counts against the per-user rate)."""

    permission_classes = [AllowAny]


# --- Registry ---------------------------------------------------------------------


@extend_schema(tags=PUBLIC, parameters=[serializers.RegistrySearchQuery],
               summary="Search the registry of innovations")
class InnovationList(PublicView, ListAPIView):
    """Public innovations matching every word of ``q`` and all the filters, best first (as the registry page)."""

    serializer_class = serializers.InnovationSerializer

    def get_queryset(self):
        data = _query(serializers.RegistrySearchQuery, self.request)
        filters = registry_services.SearchFilters(
            q=data.get("q", ""), year=data.get("year"), institution_type=data.get("type", ""),
            institution=data.get("institution"), category=data.get("category", ""), digital=data.get("digital", ""),
            maturity=data.get("maturity", ""), status=data.get("status", ""), award=data.get("award", ""),
        )
        return registry_services.search(filters)


def _public_innovation(request, pk: int) -> Innovation:
    innovation = (
        Innovation.objects.select_related("institution__type", "registry_record", "replicated_from__institution")
        .filter(pk=_bounded(pk)).first()
    )
    if innovation is None or not rules.can_read_innovation(request.user, innovation):
        raise NotFound
    return innovation


@extend_schema(tags=PUBLIC, parameters=[PK], summary="One innovation of the registry, with its public history")
class InnovationDetail(PublicView):
    """A public innovation with its public entries (an edition with its makers hidden is left out, awards only once
    the edition's results are public), as its registry page shows it."""

    serializer_class = serializers.InnovationDetailSerializer

    def get(self, request, pk: int):
        innovation = _public_innovation(request, pk)
        innovation.history = registry_services.innovation_history(innovation)
        return Response(self.get_serializer(innovation).data)


@extend_schema(tags=PUBLIC, parameters=[PK], summary="Units that replicated an innovation")
class ReplicationList(PublicView, ListAPIView):
    """Linked innovations and recorded replications of a public innovation, as its registry page lists them."""

    serializer_class = serializers.ReplicationSerializer

    def get_queryset(self):
        return registry_services.replications_of(_public_innovation(self.request, self.kwargs["pk"]))


# --- Published results --------------------------------------------------------------


def _versions(edition: Edition, original: Publication) -> list[dict]:
    versions = [{"kind": "publication", "number": 0, "sha256": original.sha256, "published_at": original.published_at,
                 "record": original}]
    for correction in edition.corrections.filter(published_at__isnull=False).defer("payload").order_by("number"):
        versions.append({"kind": "correction", "number": correction.number, "sha256": correction.sha256,
                         "published_at": correction.published_at, "record": correction})
    return versions


def _published_edition(request, year: int) -> tuple[Edition, list[dict]]:
    """The edition whose results the public may read, and its frozen versions (publication, corrections)."""
    edition = Edition.objects.filter(year=_bounded(year, MAX_YEAR)).first()
    if not rules.can_read_results(request.user, edition):
        raise NotFound
    original = Publication.objects.filter(edition=edition).defer("payload").first()
    if original is None:
        raise NotFound
    return edition, _versions(edition, original)


@extend_schema(tags=PUBLIC, summary="Editions whose results are published")
class ResultsList(PublicView, ListAPIView):
    """Editions whose final result is published and public, newest first, with the current fingerprint."""

    serializer_class = serializers.EditionResultsSummarySerializer

    def get_queryset(self):
        # The queryset form of ``rules.can_read_results``: not a draft, published and public, no makers hidden.
        return (
            Edition.objects.public().filter(results_published_at__lte=timezone.now(), publication__isnull=False)
            .exclude(pk__in=Edition.objects.with_makers_hidden())
            .select_related("publication").defer("publication__payload")
            .prefetch_related(Prefetch("corrections", to_attr="published_corrections", queryset=Correction.objects.filter(
                published_at__isnull=False).defer("payload").order_by("-number")))
            .order_by("-year")
        )

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        rows = [
            {"year": e.year, "title": e.title, "results_published_at": e.results_published_at,
             "sha256": (e.published_corrections[0] if e.published_corrections else e.publication).sha256,
             "url": request.build_absolute_uri(reverse("api:results", args=[e.year]))}
            for e in page
        ]
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)


@extend_schema(tags=PUBLIC, parameters=[YEAR], summary="An edition's published result: winners and fingerprints")
class ResultsDetail(PublicView):
    """The result as published, with the SHA-256 of the published file so a program can verify it."""

    serializer_class = serializers.EditionResultsSerializer

    def get(self, request, year: int):
        edition, versions = _published_edition(request, year)
        current = versions[-1]["record"]
        payload = sequence.shown(current)
        ranking = payload.get("ranking", [])
        by_code = {row["entry"]: row for row in ranking}
        awards = [
            {"entry": a["entry"], "title": by_code.get(a["entry"], {}).get("title", ""),
             "institution": by_code.get(a["entry"], {}).get("institution", ""), "award": a["title"],
             "category": a.get("category", ""), "order": a["order"]}
            for a in payload.get("awards", [])
        ]
        data = {
            "year": edition.year, "title": edition.title, "host": edition.host, "method": payload.get("method", ""),
            "results_published_at": edition.results_published_at, "current": versions[-1], "versions": versions,
            "intact": sequence.verified(current),
            "file_url": request.build_absolute_uri(reverse("results:published_file", args=[edition.year, "published.json"])),
            "page_url": request.build_absolute_uri(reverse("results:public", args=[edition.year])),
            "ranking_url": request.build_absolute_uri(reverse("api:ranking", args=[edition.year])),
            "ranking_count": len(ranking), "awards": awards,
        }
        return Response(self.get_serializer(data).data)


@extend_schema(tags=PUBLIC, parameters=[YEAR], summary="An edition's published ranking, page by page")
class RankingList(PublicView, ListAPIView):
    """The ranking rows exactly as published (the current version: the latest correction, if any)."""

    serializer_class = serializers.RankingRowSerializer

    def get_queryset(self):
        _edition, versions = _published_edition(self.request, self.kwargs["year"])
        return sequence.shown(versions[-1]["record"]).get("ranking", [])


# --- Organiser exports --------------------------------------------------------------


class ExportView(ListAPIView):
    """An edition's rows for the organiser, paged, with a token (``Authorization: Token <key>``)."""

    permission_classes = [IsOrganiser]

    def edition(self) -> Edition:
        edition = Edition.objects.filter(year=_bounded(self.kwargs["year"], MAX_YEAR)).first()
        if edition is None:
            raise NotFound
        return edition


@extend_schema(tags=ORGANISER, parameters=[YEAR, serializers.EntriesQuery], summary="Export an edition's entries")
class ExportEntries(ExportView):
    serializer_class = serializers.ExportEntrySerializer

    def get_queryset(self):
        data = _query(serializers.EntriesQuery, self.request)
        entries = Entry.objects.filter(edition=self.edition())
        if data.get("status"):
            entries = entries.filter(status=data["status"])
        return entries.select_related("institution__type", "category", "reached_stage").order_by("pk")


@extend_schema(tags=ORGANISER, parameters=[YEAR, serializers.StageQuery], summary="Export an edition's assignments")
class ExportAssignments(ExportView):
    serializer_class = serializers.ExportAssignmentSerializer

    def get_queryset(self):
        data = _query(serializers.StageQuery, self.request)
        rows = Assignment.objects.filter(stage__edition=self.edition())
        if data.get("stage"):
            rows = rows.filter(stage__order=data["stage"])
        return rows.select_related("stage", "juror__user", "entry").order_by("pk")


@extend_schema(tags=ORGANISER, parameters=[YEAR, serializers.StageQuery], summary="Export an edition's scores")
class ExportScores(ExportView):
    serializer_class = serializers.ExportScoreSerializer

    def get_queryset(self):
        data = _query(serializers.StageQuery, self.request)
        rows = Score.objects.filter(sheet__stage__edition=self.edition())
        if data.get("stage"):
            rows = rows.filter(sheet__stage__order=data["stage"])
        return rows.select_related("sheet__stage", "sheet__juror__user", "sheet__entry", "criterion").order_by("pk")


# --- The organiser's tokens (a page of the app) ---------------------------------------


@organiser_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    """Create a token (its key shown once, on this answer only) and see or revoke one's tokens."""
    new_key, error, status, name = None, "", 200, ""
    if request.method == "POST":
        name = request.POST.get("name", "")[:200]
        try:
            with acting_as(request.user):
                new_key = services.create_token(request.user, name).key
        except services.ApiError as refused:
            error, status = str(refused), 400
    response = render(request, "api/tokens.html", {
        "tokens": ApiToken.objects.filter(user=request.user)[:50], "new_key": new_key, "error": error,
        "name": name if error else "", "docs_url": reverse("api:docs"), "schema_url": reverse("api:schema"),
    }, status=status)
    add_never_cache_headers(response)  # the key must not stay in any cache
    return response


@organiser_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    with acting_as(request.user):
        services.revoke_token(request.user, token)
    messages.success(request, _("The token “%(name)s” is revoked: programs using it are refused from now on.")
                     % {"name": token.name})
    return redirect("api:tokens")
