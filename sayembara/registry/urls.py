from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("", views.search, name="search"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/replicate/", views.replicate, name="replicate"),
    path("similar/", views.similar_check, name="similar_check"),
    path("duplicates/<int:year>/", views.duplicates, name="duplicates"),
    path("follow-ups/", views.follow_ups, name="follow_ups"),
    path("follow-ups/<int:pk>/", views.follow_up_answer, name="follow_up_answer"),
    path("follow-ups/<int:pk>/evidence/", views.follow_up_evidence, name="follow_up_evidence"),
    path("<int:pk>/iid/", views.iid_profile, name="iid_profile"),
    path("<int:pk>/iid/<int:evidence>/", views.iid_evidence_file, name="iid_evidence_file"),
    path("<int:pk>/outcomes/", views.record_outcome, name="record_outcome"),
    path("iid/", views.iid_readiness, name="iid_readiness"),
    path("iid/unit/<int:unit>/", views.iid_unit, name="iid_unit"),
    path("iid/unit/<int:unit>/export.xlsx", views.iid_export, name="iid_export"),
    path("feed/rss/", views.LatestInnovationsFeed(), name="feed_rss"),
    path("feed/atom/", views.LatestInnovationsAtomFeed(), name="feed_atom"),
]
