"""Content editors run the contest: questions, entries and the jury's scores and the votes (to export)."""

from django.db import migrations

EDITOR_PERMISSIONS = {
    "contests": {
        "question": "add change delete view",
        "entry": "change view",
        "score": "view",
        "vote": "view",
    }
}


def grant(apps, schema_editor):
    from accounts.migration_helpers import grant as grant_permissions

    grant_permissions(apps, "Content editors", EDITOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_editors_run_contests"),
        ("contests", "0004_votes_and_results"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
