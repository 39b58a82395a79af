from django.urls import path

from . import views

app_name = "entries"
urlpatterns = [
    path("my/entries/", views.innovator_dashboard, name="innovator_dashboard"),
    path("verifier/", views.verifier_dashboard, name="verifier_dashboard"),
]
