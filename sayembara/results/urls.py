from django.urls import path

from . import views

app_name = "results"
urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("certificate/<str:code>/", views.certificate_detail, name="certificate"),
    path("<int:year>/", views.public_results, name="public"),
    path("<int:year>/files/<str:name>", views.published_file, name="published_file"),
    path("<int:year>/objections/", views.objections, name="objections"),
    path("<int:year>/objections/<int:pk>/answer/", views.objection_answer, name="objection_answer"),
    path("<int:year>/manage/", views.manage, name="manage"),
    path("<int:year>/manage/compute/", views.compute, name="compute"),
    path("<int:year>/manage/stage/<int:order>/", views.stage_ranking, name="stage"),
    path("<int:year>/manage/stage/<int:order>/advance/", views.advance, name="advance"),
    path("<int:year>/manage/entry/<str:code>/", views.explain, name="explain"),
    path("<int:year>/manage/awards/", views.awards, name="awards"),
    path("<int:year>/manage/provisional/", views.provisional, name="provisional"),
    path("<int:year>/manage/decision/", views.decide, name="decide"),
    path("<int:year>/manage/decree/", views.decree, name="decree"),
    path("<int:year>/manage/publish/", views.final_publication, name="publish"),
    path("<int:year>/manage/correction/", views.lock, name="correction"),
    path("<int:year>/manage/settings/", views.result_settings, name="settings"),
    path("<int:year>/manage/votes/", views.jury_votes, name="jury_votes"),
    path("<int:year>/documents/", views.documents_index, name="documents"),
    path("<int:year>/documents/printed/<int:job_pk>/", views.printed_paper, name="printed_paper"),
    path("<int:year>/documents/<str:kind>", views.document, name="document"),
    path("<int:year>/documents/sheets/<int:juror_id>.pdf", views.juror_sheets, name="juror_sheets"),
    path("<int:year>/entry/<str:code>/<str:kind>", views.entry_paper, name="entry_paper"),
]
