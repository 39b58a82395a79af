from django.core.management.base import BaseCommand

from sayembara.entries.demo_open_edition import YEAR, ensure_open_edition


class Command(BaseCommand):
    help = "Create (or keep open) the demo edition 2027 that accepts entries. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--hide", action="store_true",
                            help="Put the 2027 demo edition back to draft (hidden from the public pages).")

    def handle(self, *args, **options):
        from sayembara.editions.models import Edition

        if options["hide"]:
            Edition.objects.filter(year=YEAR).update(status=Edition.Status.DRAFT)
            self.stdout.write(f"edition {YEAR} hidden (draft)")
            return
        edition = ensure_open_edition()
        deadline = edition.phases.get(kind="submission").ends_at
        self.stdout.write(f"{edition} open until {deadline.isoformat()}")
