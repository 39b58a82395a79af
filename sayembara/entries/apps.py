from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EntriesConfig(AppConfig):
    name = "sayembara.entries"
    verbose_name = _("Entries")

    def ready(self):
        from sayembara.audit.trail import track

        # Every change to a proposal and what it rests on is recorded.
        for name in ["Innovation", "Entry", "TeamMember", "ProposalAnswer", "EntryDetails", "EvidenceSlot", "EntrySettings",
                     "DeadlineExtension"]:
            track(self.get_model(name))
        # The stored path is random and says nothing; record what the person uploaded.
        track(self.get_model("Evidence"), fields=("entry_id", "slot_id", "original_name", "content_type", "size", "uploaded_by_id"))
