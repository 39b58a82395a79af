from django.urls import path

from . import views

app_name = "jury"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
