from django.urls import path

from . import views

app_name = "entries"
urlpatterns = [
    path("my/entries/", views.innovator_dashboard, name="innovator_dashboard"),
    path("my/entries/new/", views.new_entry, name="new"),
    path("verifier/", views.verifier_dashboard, name="verifier_dashboard"),
    path("organiser/entries/", views.organiser_list, name="organiser_list"),
    path("organiser/entries/<int:year>/extensions/", views.extensions, name="extensions"),
    path("organiser/entries/<int:year>/import/", views.import_entries, name="import"),
    path("organiser/entries/<int:year>/import/template.xlsx", views.import_template, name="import_template"),
    path("organiser/entries/<int:year>/publish/", views.publish_screening, name="publish_screening"),
    path("editions/<int:year>/screening/", views.announcement, name="announcement"),
    path("entries/<str:code>/", views.entry_detail, name="detail"),
    path("entries/<str:code>/edit/", views.edit_entry, name="edit"),
    path("entries/<str:code>/history/", views.entry_history, name="history"),
    path("entries/<str:code>/print/", views.entry_print, name="print"),
    path("entries/<str:code>/sinovik/", views.sinovik, name="sinovik"),
    path("entries/<str:code>/sinovik.zip", views.sinovik_zip, name="sinovik_zip"),
    path("entries/<str:code>/pdf/", views.entry_pdf, name="pdf"),
    path("entries/<str:code>/send/", views.send_entry, name="send"),
    path("entries/<str:code>/withdraw/", views.withdraw_entry, name="withdraw"),
    path("entries/<str:code>/verify/", views.verify_entry, name="verify"),
    path("entries/<str:code>/screen/", views.screen_entry, name="screen"),
    path("entries/<str:code>/evidence/<int:slot>/upload/", views.evidence_upload, name="evidence_upload"),
    path("entries/<str:code>/evidence/file/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("entries/<str:code>/evidence/file/<int:pk>/delete/", views.evidence_delete, name="evidence_delete"),
]
