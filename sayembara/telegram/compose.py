"""The text of each post, built from the record, in Telegram's HTML: every string from the record is escaped.

A post is refused (:class:`PostRefused`, with the reason in words) when what it announces is not public yet, and
for a draft edition always. While ``Edition.makers_hidden`` (a blind stage planned or open), no post names an
entry or its unit: counts only.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from django.db.models import Count
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sayembara.editions.models import Edition
from sayembara.entries.deadlines import format_deadline, submission_deadline
from sayembara.entries.models import Entry, EntrySettings
from sayembara.errors import DomainError
from sayembara.links import absolute
from sayembara.results.models import Award, ProvisionalAnnouncement, Publication

from .bot_api import MESSAGE_MAX_CHARS
from .models import ChannelPost

Kind = ChannelPost.Kind
# A message of 4096 characters holds some dozens of lines: no more than this are read from the database.
LINES_READ_MAX = 300


class PostRefused(DomainError):
    """What the post would announce is not public (yet): the message says why."""


def e(value) -> str:
    return escape(str(value), quote=True)


def link(path: str, label: str) -> str:
    """A link Telegram accepts (absolute); without a known site address (SITE_URL, or a request), the label."""
    address = absolute(path)
    if not address.startswith(("https://", "http://")):
        return e(label)
    return f'<a href="{e(address)}">{e(label)}</a>'


def build(edition: Edition, kind: str, today: dt.date | None = None) -> str:
    """The post's text, or :class:`PostRefused` with the reason."""
    if edition.status == Edition.Status.DRAFT:
        raise PostRefused(_("%(edition)s is a draft: nothing about it is posted before it is opened.")
                          % {"edition": edition})
    builders = {Kind.CALL: _call, Kind.REMINDER: _reminder, Kind.SCREENING: _screening,
                Kind.PROVISIONAL: _provisional, Kind.WINNERS: _winners}
    if kind not in builders:
        raise PostRefused(_("Unknown kind of post."))
    head, lines, more_link = builders[kind](edition, today or timezone.localdate())
    return fit(head, lines, more_link)


def fit(head: str, lines: list[str], more_link: str) -> str:
    """``head`` then as many ``lines`` as fit in one message; when some are left out, "…" and the link to them."""
    text = head + ("\n" + "\n".join(lines) if lines else "")
    if len(text) <= MESSAGE_MAX_CHARS:
        return text
    tail = "\n…\n" + more_link
    kept = head
    for line in lines:
        if len(kept) + 1 + len(line) + len(tail) > MESSAGE_MAX_CHARS:
            break
        kept += "\n" + line
    return (kept + tail)[:MESSAGE_MAX_CHARS]


def _title(edition: Edition) -> str:
    return f"<b>{e(edition.title)} {edition.year}</b>"


def _open_only(edition: Edition, what: str) -> None:
    if edition.status != Edition.Status.OPEN:
        raise PostRefused(_("%(what)s is posted only while the edition is open for entries; %(edition)s is “%(status)s”.")
                          % {"what": what, "edition": edition, "status": edition.get_status_display()})


def _call(edition, today):
    _open_only(edition, _("The call for entries"))
    deadline = submission_deadline(edition)
    parts = [_("📣 %(title)s is open for entries!") % {"title": _title(edition)}]
    if edition.theme:
        parts.append(_("Theme: %(theme)s") % {"theme": e(edition.theme)})
    parts.append(_("Government units, villages and enterprises of %(host)s: enter your public service innovation, "
                   "large or small.") % {"host": e(edition.host)})
    if deadline:
        parts.append(_("Deadline: %(when)s.") % {"when": e(format_deadline(deadline))})
    parts.append(_("Details and registration: %(link)s") % {"link": link(reverse("insights:call"), absolute(reverse("insights:call")))})
    return "\n\n".join(parts), [], ""


def days_left(edition: Edition, today: dt.date) -> int | None:
    deadline = submission_deadline(edition)
    if deadline is None:
        return None
    return (timezone.localtime(deadline).date() - today).days


def _reminder(edition, today):
    _open_only(edition, _("A reminder of the deadline"))
    deadline = submission_deadline(edition)
    if deadline is None:
        raise PostRefused(_("%(edition)s has no submission phase in its schedule: there is no deadline to recall.")
                          % {"edition": edition})
    if deadline <= timezone.now():
        raise PostRefused(_("The submission deadline of %(edition)s has passed.") % {"edition": edition})
    left = days_left(edition, today)
    when = e(format_deadline(deadline))
    if left <= 0:
        lead = _("⏰ Last day to send proposals to %(title)s: until %(when)s.") % {"title": _title(edition), "when": when}
    else:
        lead = _("⏰ %(days)s days left to send proposals to %(title)s: until %(when)s.") % {
            "days": left, "title": _title(edition), "when": when}
    more = _("Send your entry: %(link)s") % {"link": link(reverse("insights:call"), absolute(reverse("insights:call")))}
    return lead + "\n\n" + more, [], ""


def _screening(edition, today):
    conf = EntrySettings.objects.filter(edition=edition).first()
    if conf is None or conf.screening_published_at is None or conf.screening_published_at > timezone.now():
        raise PostRefused(_("The screening results of %(edition)s are not published yet: publish the announcement "
                            "first.") % {"edition": edition})
    page = reverse("entries:announcement", args=[edition.year])
    screened = Entry.objects.filter(edition=edition, status__in=[Entry.Status.PASSED, Entry.Status.FAILED])
    passed_all = screened.filter(status=Entry.Status.PASSED)
    head = [_("📋 Administrative screening of %(title)s: %(passed)s of %(screened)s innovations passed.") % {
        "title": _title(edition), "passed": passed_all.count(), "screened": screened.count()}]
    if conf.announcement_number:
        head.append(_("Announcement number: %(number)s") % {"number": e(conf.announcement_number)})
    head.append(_("Full announcement: %(link)s") % {"link": link(page, absolute(page))})
    if edition.makers_hidden:
        # A blind stage is planned or open: how many passed per category, never who.
        counts = (passed_all.values("category__name", "category__order").annotate(n=Count("pk"))
                  .order_by("category__order", "category__name"))
        lines = [f"• {e(row['category__name'] or _('No category'))}: {row['n']}" for row in counts]
    else:
        # More than one message holds is never read: the rest is on the page.
        passed = (passed_all.select_related("institution", "category").order_by("category__order", "code")
                  [:LINES_READ_MAX])
        lines = [f"• {e(entry.code)} {e(entry.title)} — {e(entry.institution.name)}" for entry in passed]
    return "\n".join(head) + ("\n" if lines else ""), lines, link(page, _("The full list"))


def _provisional(edition, today):
    announcement = (ProvisionalAnnouncement.objects.filter(edition=edition, announced_at__lte=timezone.now())
                    .defer("payload").order_by("-version").first())
    if announcement is None:
        raise PostRefused(_("%(edition)s has no provisional announcement yet: announce the provisional list first.")
                          % {"edition": edition})
    if Publication.objects.filter(edition=edition).exists():
        raise PostRefused(_("The results of %(edition)s are final and published: post the winners instead.")
                          % {"edition": edition})
    page = reverse("results:public", args=[edition.year])
    parts = [_("📢 Provisional list of %(title)s (announcement %(number)s) is open to the public test (uji publik).")
             % {"title": _title(edition), "number": e(announcement.number)}]
    if announcement.public_test_ends_at > timezone.now():
        parts.append(_("Responses may be sent until %(when)s.") % {
            "when": e(formats.date_format(timezone.localtime(announcement.public_test_ends_at), "j F Y, H:i") + " WIB")})
    parts.append(_("See the list and respond: %(link)s") % {"link": link(page, absolute(page))})
    return "\n\n".join(parts), [], ""


def _winners(edition, today):
    if not (Publication.objects.filter(edition=edition).exists() and edition.results_are_public):
        raise PostRefused(_("The results of %(edition)s are not published yet: the winners are posted once they are.")
                          % {"edition": edition})
    page = reverse("results:public", args=[edition.year])
    awards = Award.objects.filter(edition=edition).select_related("entry__institution", "category").order_by(
        "category__order", "order")
    head = _("🏆 The winners of %(title)s.") % {"title": _title(edition)}
    head += "\n" + _("Full results: %(link)s") % {"link": link(page, absolute(page))} + "\n"
    lines, category = [], object()
    if edition.makers_hidden:
        lines = [_("%(n)s awards.") % {"n": awards.count()}]
    else:
        for award in awards[:LINES_READ_MAX]:
            if award.category != category:
                category = award.category
                if category is not None:
                    lines.append(f"\n<b>{e(category.name)}</b>")
            lines.append(f"• {e(award.title)}: {e(award.entry.title)} — {e(award.entry.institution.name)}")
    return head, lines, link(page, _("The full list"))
