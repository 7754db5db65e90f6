from django.db import migrations

GROUP_NAME = "Content editors"
EDITOR_PERMISSIONS = {
    "practices": {
        "practiceimage": "add change delete view",
        "practicedocument": "add change delete view",
        "practicevideo": "add change delete view",
        "replication": "add change delete view",
        "practiceredirect": "view delete",
    }
}


def grant_media(apps, schema_editor):
    from accounts.migration_helpers import grant

    grant(apps, GROUP_NAME, EDITOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_content_editors_group"),
        ("practices", "0003_media_replications_redirects_year"),
    ]

    operations = [migrations.RunPython(grant_media, migrations.RunPython.noop)]
