from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from sayembara.jobs.health import health
from sayembara.portal import views as portal_views

admin.site.site_header = "Sayembara"

urlpatterns = [
    path("", portal_views.home, name="home"),
    path("health/", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("sayembara.accounts.urls")),
    path("", include("sayembara.portal.urls")),
    path("", include("sayembara.entries.urls")),
    path("", include("sayembara.telegram.urls")),
    path("jury/", include("sayembara.jury.urls")),
    path("results/", include("sayembara.results.urls")),
    path("registry/", include("sayembara.registry.urls")),
    path("insights/", include("sayembara.insights.urls")),
    path("audit/", include("sayembara.audit.urls")),
    path("jobs/", include("sayembara.jobs.urls")),
    path("api/", include("sayembara.api.urls")),
    path("admin/", admin.site.urls),
]

# 400, 403 and 404 are Django's handlers rendering the app's templates (sayembara/templates/40x.html).
handler500 = "sayembara.error_views.server_error"
