from django.db import DatabaseError, connection
from django.http import JsonResponse


def health(request):
    """Liveness and database check for the proxy or the orchestrator."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:  # pragma: no cover - only when the database is down
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
