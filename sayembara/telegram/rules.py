"""Who may do what with the Telegram channel: the organiser connects the bot and posts; nobody else sees it."""

from __future__ import annotations

import rules

from sayembara.accounts.rules import is_organiser

can_manage_channel = is_organiser

rules.add_perm("telegram.manage", can_manage_channel)
