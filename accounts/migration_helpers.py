"""Helpers for migrations that give groups their permissions (used by several migrations; keep stable)."""

DEFAULT_ACTIONS = {"add", "change", "delete", "view"}


def create_all_permissions(apps):
    """Permissions are normally created after all migrations ran; a migration that grants them needs them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, group_name, permissions_by_app):
    """Add permissions to a group: {"app": {"model": "add change delete view"}}; a custom permission is
    named by its whole codename ("verify_municipal_user")."""
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for app_label, models in permissions_by_app.items():
        for model, actions in models.items():
            for action in actions.split():
                codename = f"{action}_{model}" if action in DEFAULT_ACTIONS else action
                group.permissions.add(
                    Permission.objects.get(
                        content_type__app_label=app_label, content_type__model=model, codename=codename
                    )
                )
