from django.urls import path

from . import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:pk>/", views.job_status, name="status"),
    path("probe/", views.probe, name="probe"),
]
