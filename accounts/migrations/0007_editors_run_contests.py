"""Content editors run the contests from the admin."""

from django.db import migrations

EDITOR_PERMISSIONS = {
    "contests": {
        "contest": "add change delete view",
        "criterion": "add change delete view",
    }
}


def grant_contests(apps, schema_editor):
    from accounts.migration_helpers import grant

    grant(apps, "Content editors", EDITOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_organizers_manage_registrations"),
        ("contests", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_contests, migrations.RunPython.noop)]
