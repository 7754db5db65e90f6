"""Content editors publish the e-library, the video lessons and courses, and the collections; they look
certificates up (the portal issues them)."""

from django.db import migrations

EDITOR_PERMISSIONS = {
    "library": {"librarydocument": "add change delete view", "libraryfile": "add change delete view"},
    "lessons": {
        "videolesson": "add change delete view",
        "course": "add change delete view",
        "courselesson": "add change delete view",
        "certificate": "view",
    },
    "curation": {"collection": "add change delete view"},
}


def grant(apps, schema_editor):
    from accounts.migration_helpers import grant as grant_permissions

    grant_permissions(apps, "Content editors", EDITOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0008_editors_run_contest_entries"),
        ("library", "0001_initial"),
        ("lessons", "0001_initial"),
        ("curation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
