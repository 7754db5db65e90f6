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
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    codenames = []
    for app_label, models in EDITOR_PERMISSIONS.items():
        for model, actions in models.items():
            codenames += [(app_label, f"{action}_{model}") for action in actions.split()]
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in codenames
    ]
    group.permissions.set(permissions)


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
