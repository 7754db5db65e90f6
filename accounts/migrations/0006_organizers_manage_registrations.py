"""Content editors organize events: they see and manage registrations and attach event materials."""

from django.db import migrations

EDITOR_PERMISSIONS = {
    "events": {
        "registration": "view change delete",
        "eventmaterial": "add change delete view",
    }
}


def grant_registrations(apps, schema_editor):
    from accounts.migration_helpers import grant

    grant(apps, "Content editors", EDITOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_jury_group_and_user_verification"),
        ("events", "0002_registrations_and_materials"),
    ]

    operations = [migrations.RunPython(grant_registrations, migrations.RunPython.noop)]
