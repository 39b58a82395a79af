from django.urls import path

from . import views

app_name = "editions"
urlpatterns = [
    path("editions/", views.edition_list, name="list"),
    path("editions/<int:year>/", views.edition_detail, name="detail"),
    path("organiser/", views.organiser_dashboard, name="organiser_dashboard"),
]
