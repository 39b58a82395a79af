from django.core.management.base import BaseCommand

from sayembara.accounts.services import expire_unconfirmed


class Command(BaseCommand):
    help = "Delete registrations never confirmed within UNCONFIRMED_MAX_AGE_DAYS, so the real owner can register."

    def handle(self, *args, **options):
        self.stdout.write(f"{expire_unconfirmed()} unconfirmed registrations removed")
