from django.urls import path

from . import views

# The namespace keeps its old name: every template links to "editions:detail" and friends.
app_name = "editions"
urlpatterns = [
    path("editions/", views.edition_list, name="list"),
    path("editions/<int:year>/", views.edition_detail, name="detail"),
    path("organiser/", views.organiser_dashboard, name="organiser_dashboard"),
    path("organiser/copy-edition/", views.copy_edition, name="copy_edition"),
    path("organiser/<int:year>/open/", views.open_edition, name="open_edition"),
]
