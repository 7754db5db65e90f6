from django.db import migrations


def load(apps, schema_editor):
    from portal.reference_data import load_geography

    load_geography(
        apps.get_model("portal", "Region"),
        apps.get_model("portal", "District"),
        apps.get_model("portal", "Municipality"),
    )


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
