from django.urls import path

from . import setup_views, views

# The namespace keeps its old name: every template links to "editions:detail" and friends.
app_name = "editions"
urlpatterns = [
    path("editions/", views.edition_list, name="list"),
    path("editions/<int:year>/", views.edition_detail, name="detail"),
    path("organiser/", views.organiser_dashboard, name="organiser_dashboard"),
    path("organiser/copy-edition/", views.copy_edition, name="copy_edition"),
    path("organiser/<int:year>/open/", views.open_edition, name="open_edition"),
    path("organiser/new-edition/", setup_views.new_edition, name="new_edition"),
    path("organiser/<int:year>/setup/", setup_views.setup, name="setup"),
    path("organiser/<int:year>/setup/entry-rules/", setup_views.setup_entry_rules, name="setup_entry_rules"),
    path("organiser/<int:year>/setup/schedule/", setup_views.setup_schedule, name="setup_schedule"),
    path("organiser/<int:year>/setup/groups/", setup_views.setup_groups, name="setup_groups"),
    path("organiser/<int:year>/setup/form/", setup_views.setup_form, name="setup_shared_form"),
    path("organiser/<int:year>/setup/form/<int:group>/", setup_views.setup_form, name="setup_form"),
    path("organiser/<int:year>/setup/form/<int:group>/take-shared/", setup_views.take_shared_sections,
         name="take_shared_sections"),
    path("organiser/<int:year>/setup/stages/", setup_views.setup_stages, name="setup_stages"),
    path("organiser/<int:year>/setup/stages/<int:order>/", setup_views.setup_stage, name="setup_stage"),
    path("organiser/<int:year>/setup/stages/<int:order>/<slug:code>/", setup_views.setup_levels, name="setup_levels"),
    path("organiser/<int:year>/setup/preset/", setup_views.apply_preset, name="apply_preset"),
]
