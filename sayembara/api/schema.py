"""Schema post-processing: every operation documents the errors it can answer, so a client (and schemathesis) knows
them. 400 carries the refused fields; the others DRF's ``{"detail": ...}``."""

from __future__ import annotations

ERROR = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
INVALID = {"type": "object", "additionalProperties": True, "description": "Each refused parameter with its reasons."}

ERRORS = {
    "400": ("Invalid parameters.", INVALID),
    "401": ("No valid token was sent (organiser endpoints), or an invalid or revoked one.", ERROR),
    "403": ("The token is valid but its owner is not the organiser.", ERROR),
    "404": ("Nothing public by that name, or a page beyond the last.", ERROR),
    "429": ("Too many requests: wait the seconds in Retry-After.", ERROR),
}


def add_error_responses(result, generator, request, public):
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("Error", ERROR)
    components.setdefault("Invalid", INVALID)
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            organiser = "/organiser/" in path
            for status, (description, schema) in ERRORS.items():
                if status == "403" and not organiser:
                    continue
                ref = {"$ref": "#/components/schemas/" + ("Invalid" if status == "400" else "Error")}
                operation["responses"].setdefault(status, {
                    "description": description, "content": {"application/json": {"schema": ref}},
                })
    return result
