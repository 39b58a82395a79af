from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """Operator backups of the database and the uploaded files. No models: only the two management commands."""

    name = "sayembara.backups"
    verbose_name = "Backups"
