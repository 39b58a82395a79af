from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import docs, views

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.SwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("v1/registry/innovations/", views.InnovationList.as_view(), name="innovations"),
    path("v1/registry/innovations/<int:pk>/", views.InnovationDetail.as_view(), name="innovation"),
    path("v1/registry/innovations/<int:pk>/replications/", views.ReplicationList.as_view(), name="replications"),
    path("v1/results/", views.ResultsList.as_view(), name="results_list"),
    path("v1/results/<int:year>/", views.ResultsDetail.as_view(), name="results"),
    path("v1/results/<int:year>/ranking/", views.RankingList.as_view(), name="ranking"),
    path("v1/organiser/editions/<int:year>/entries/", views.ExportEntries.as_view(), name="export_entries"),
    path("v1/organiser/editions/<int:year>/assignments/", views.ExportAssignments.as_view(), name="export_assignments"),
    path("v1/organiser/editions/<int:year>/scores/", views.ExportScores.as_view(), name="export_scores"),
]
