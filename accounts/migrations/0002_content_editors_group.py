"""The "Content editors" group: everything content admins publish, nothing about users or settings."""

from django.db import migrations

GROUP_NAME = "Content editors"

# app label -> model -> actions
EDITOR_PERMISSIONS = {
    "practices": {
        "practice": "add change delete view",
        "practicetag": "add change delete view",
        "taggedpractice": "add change delete view",
        "sector": "add change view",
        "audience": "add change view",
    },
    "events": {"event": "add change delete view", "pressrelease": "add change delete view"},
    "portal": {
        "organization": "add change delete view",
        "project": "add change delete view",
        "projectpartner": "add change delete view",
        "municipality": "add change view",
        "district": "view",
        "region": "view",
        "staticpage": "add change delete view",
    },
}


def create_group(apps, schema_editor):
    from accounts.migration_helpers import grant

    grant(apps, GROUP_NAME, EDITOR_PERMISSIONS)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0002_geography"),
        ("practices", "0002_sectors_and_audiences"),
        ("events", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
