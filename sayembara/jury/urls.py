from django.urls import path

from . import views

app_name = "jury"
urlpatterns = [
    # Jurors
    path("", views.dashboard, name="dashboard"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("<int:year>/code-of-conduct/", views.code_of_conduct, name="code_of_conduct"),
    # Jurors reach an entry by its stage pseudonym, never its public code or database number (jury.blind).
    path("stage/<int:stage_pk>/entry/<str:ref>/", views.sheet, name="sheet"),
    path("stage/<int:stage_pk>/entry/<str:ref>/conflict/", views.declare_conflict, name="declare_conflict"),
    path("stage/<int:stage_pk>/entry/<str:ref>/evidence/<int:number>/", views.evidence_file, name="evidence_file"),
    path("organise/stage/<int:stage_pk>/masking/", views.stage_masking, name="stage_masking"),
    path("stage/<int:stage_pk>/live/", views.live, name="live"),
    path("stage/<int:stage_pk>/live/sync/", views.live_sync, name="live_sync"),
    # Organiser
    path("organise/<int:year>/", views.organise, name="organise"),
    path("organise/<int:year>/conflicts/", views.conflicts, name="conflicts"),
    path("organise/<int:year>/conflicts.csv", views.conflicts_csv, name="conflicts_csv"),
    path("organise/stage/<int:stage_pk>/", views.stage_assignment, name="stage_assignment"),
    path("organise/stage/<int:stage_pk>/change/", views.stage_change, name="stage_change"),
    path("organise/stage/<int:stage_pk>/progress/", views.stage_progress, name="stage_progress"),
    path("organise/stage/<int:stage_pk>/schedule/", views.stage_schedule, name="stage_schedule"),
    path("organise/stage/<int:stage_pk>/agenda/", views.stage_agenda, name="stage_agenda"),
    path("organise/stage/<int:stage_pk>/attendance/", views.stage_attendance, name="stage_attendance"),
    path("organise/stage/<int:stage_pk>/paper/<int:juror_pk>/<int:entry_pk>/", views.paper_sheet, name="paper_sheet"),
    path("organise/stage/<int:stage_pk>/import/", views.import_sheets, name="import_sheets"),
    path("organise/stage/<int:stage_pk>/import/template.xlsx", views.import_template, name="import_template"),
    path("organise/sheet/<int:sheet_pk>/reopen/", views.reopen_sheet, name="reopen_sheet"),
]
