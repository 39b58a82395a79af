"""The organiser's Telegram pages: the bot and channel, each edition's posts previewed, posted (as jobs) and logged."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sayembara.accounts.roles import organiser_required
from sayembara.editions.models import Edition
from sayembara.errors import DomainError

from . import services
from .forms import SettingsForm
from .models import ChannelPost

LOG_PAGE_SIZE = 25


@organiser_required
def channel_settings(request):
    conf = services.current()
    form = SettingsForm(request.POST or None, initial={"chat": conf.chat})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_settings(token=form.cleaned_data["token"], chat=form.cleaned_data["chat"], by=request.user)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The Telegram bot and channel are saved."))
            return redirect("telegram:settings")
    log = Paginator(ChannelPost.objects.select_related("edition", "created_by"), LOG_PAGE_SIZE)
    return render(request, "telegram/settings.html", {
        "conf": conf, "form": form, "editions": Edition.objects.order_by("-year"),
        "log": log.get_page(request.GET.get("page")),
    })


@organiser_required
@require_POST
def check(request):
    try:
        job = services.check_bot(request.user)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("telegram:settings")
    return redirect(job)


@organiser_required
def edition_posts(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    previews = []
    for kind, label in ChannelPost.Kind.choices:
        text, refusal = services.preview(edition, kind)
        previews.append({"kind": kind, "label": label, "text": text, "refusal": refusal})
    log = Paginator(ChannelPost.objects.filter(edition=edition).select_related("created_by"), LOG_PAGE_SIZE)
    return render(request, "telegram/edition.html", {
        "edition": edition, "conf": services.current(), "previews": previews,
        "log": log.get_page(request.GET.get("page")),
    })


@organiser_required
@require_POST
def post(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    kind = request.POST.get("kind", "")
    if kind not in ChannelPost.Kind.values:
        messages.error(request, _("Choose what to post."))
        return redirect("telegram:edition", year)
    try:
        services.queue_post(edition, kind, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The post is queued: it is sent in a moment; its state is in the log below."))
    return redirect("telegram:edition", year)
