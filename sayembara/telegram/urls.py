from django.urls import path

from . import views

app_name = "telegram"
urlpatterns = [
    path("organiser/telegram/", views.channel_settings, name="settings"),
    path("organiser/telegram/check/", views.check, name="check"),
    path("organiser/telegram/<int:year>/", views.edition_posts, name="edition"),
    path("organiser/telegram/<int:year>/post/", views.post, name="post"),
]
