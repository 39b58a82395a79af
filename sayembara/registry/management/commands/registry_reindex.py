from django.core.management.base import BaseCommand

from sayembara.registry.services import refresh_records


class Command(BaseCommand):
    help = "Rebuild the innovation registry's search index and summary rows."

    def handle(self, *args, **options):
        count = refresh_records()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} innovations."))
