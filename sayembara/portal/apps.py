from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The pages that bring every app together (home, an edition's public page, the organiser's dashboard).

    They sit at the top of the layers (editions < entries < jury < results < registry/insights < portal), so
    the lower apps never import the ones above them to fill a page.
    """

    name = "sayembara.portal"
