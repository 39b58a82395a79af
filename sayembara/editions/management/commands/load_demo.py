from django.core.management.base import BaseCommand

from sayembara.editions.models import Edition


class Command(BaseCommand):
    help = "Load the Kabupaten Pemalang demo (editions 2018–2020, 2026 in judging, 2027 open) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when an edition already exists.")

    def handle(self, *args, if_empty=False, **options):
        from sayembara import demo

        if Edition.objects.exists():
            if if_empty:
                self.stdout.write("The database already has data; the demo was not loaded again.")
                self._print_accounts(demo)
                return
            self.stderr.write("The database is not empty: refusing to load the demo over real data.")
            raise SystemExit(1)
        demo.build_all()
        self.stdout.write(self.style.SUCCESS(
            "Demo loaded: Kompetisi Inovasi Pelayanan Publik Kabupaten Pemalang 2018–2020 (published), "
            "2026 (in judging) and 2027 (open for entries)."
        ))
        self._print_accounts(demo)

    def _print_accounts(self, demo):
        self.stdout.write("Demo accounts (password for all: %s):" % demo.DEMO_PASSWORD)
        for email, name, role in demo.DEMO_ACCOUNTS:
            self.stdout.write(f"  {role:<22} {email:<40} {name}")
