from django.core.management.base import BaseCommand

from sayembara.entries.demo_open_edition import ensure_open_edition


class Command(BaseCommand):
    help = "Create (or keep open) the demo edition 2021 that accepts entries. Safe to run again."

    def handle(self, *args, **options):
        edition = ensure_open_edition()
        deadline = edition.phases.get(kind="submission").ends_at
        self.stdout.write(f"{edition} open until {deadline.isoformat()}")
