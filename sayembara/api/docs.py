"""Swagger UI from the app's own static files (drf-spectacular-sidecar: no CDN), under the site's strict CSP.

drf-spectacular's split view serves the page's start-up script as a separate same-origin file, and our
template has no inline ``<style>``: nothing the Content-Security-Policy blocks.
"""

from drf_spectacular.views import SpectacularSwaggerSplitView


class SwaggerView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"
    title = "Sayembara API"
