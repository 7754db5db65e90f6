"""The "Jury members" group (the contest gives it its permissions), and content editors may look up users
and mark them as verified municipal users (the real portal checks this by hand)."""

from django.db import migrations

EDITOR_PERMISSIONS = {"accounts": {"user": "view verify_municipal_user"}}


def create_groups(apps, schema_editor):
    from accounts.migration_helpers import grant

    grant(apps, "Content editors", EDITOR_PERMISSIONS)
    grant(apps, "Jury members", {})


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Jury members").delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_profiles_and_proposals")]

    operations = [migrations.RunPython(create_groups, remove_groups)]
