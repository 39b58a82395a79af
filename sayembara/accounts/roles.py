"""Who may do what. Roles follow from what a user holds, never from a free-text field."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

ORGANISER = "organiser"
VERIFIER = "verifier"
JUROR = "juror"
INNOVATOR = "innovator"


def roles_of(user) -> set[str]:
    """The roles of ``user``, cached on the user object for the request."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_sayembara_roles", None)
    if cached is not None:
        return cached
    roles = set()
    if user.is_organiser or user.is_superuser:
        roles.add(ORGANISER)
    if user.verified_institution_id:
        roles.add(VERIFIER)
    if user.juror_roles.exists():
        roles.add(JUROR)
    # ``institution`` is set only by an approved membership (see accounts.membership). Being a juror does
    # not take the innovator role away; organisers and verifiers do not enter entries themselves.
    if user.institution_id and not roles & {ORGANISER, VERIFIER} and _participates(user.institution_id):
        roles.add(INNOVATOR)
    user._sayembara_roles = roles
    return roles


def has_any_role(user, allowed) -> bool:
    """Whether ``user`` holds one of the ``allowed`` roles, asking only what is needed (a juror's score save must not
    also ask whether they are an innovator); the same answer as ``roles_of(user) & allowed``."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_sayembara_roles", None)
    if cached is not None:
        return bool(cached & set(allowed))
    organiser = user.is_organiser or user.is_superuser
    for role in allowed:
        if role == ORGANISER and organiser:
            return True
        if role == VERIFIER and user.verified_institution_id:
            return True
        if role == JUROR and user.juror_roles.exists():
            return True
    if INNOVATOR in allowed:
        return INNOVATOR in roles_of(user)
    return False


def _participates(institution_id: int) -> bool:
    from sayembara.institutions.models import Institution

    return Institution.objects.filter(pk=institution_id, type__participates=True).exists()


def role_required(*allowed: str):
    """Anonymous users go to the login page; logged-in users without the role get 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_any_role(request.user, allowed):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.allowed_roles = allowed
        return wrapper

    return decorator


organiser_required = role_required(ORGANISER)
