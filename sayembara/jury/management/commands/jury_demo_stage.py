from django.core.management.base import BaseCommand

from sayembara.jury.demo import DEMO_YEAR, prepare_judging_demo


class Command(BaseCommand):
    help = f"Create the {DEMO_YEAR} judging edition of the demo (open stages, unscored entries). Safe to run twice."

    def handle(self, *args, **options):
        edition = prepare_judging_demo()
        if edition is None:
            self.stderr.write("The 2020 demo edition is missing: run `manage.py load_demo` first.")
            return
        self.stdout.write(f"Judging demo ready: {edition} ({edition.entries.count()} entries).")
