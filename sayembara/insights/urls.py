from django.urls import path

from . import views

app_name = "insights"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("coverage/", views.coverage, name="coverage"),
    path("invite/", views.invite, name="invite"),
    path("units/<int:pk>/contact/", views.contact, name="contact"),
    path("scores/", views.scores, name="scores"),
    path("export.xlsx", views.export, name="export"),
    path("summary/", views.summary, name="summary"),
    path("announcement/", views.announcement, name="announcement"),
    path("call/", views.call, name="call"),
]
