from django.db import migrations


def load(apps, schema_editor):
    from portal.reference_data import load_topics

    load_topics(apps.get_model("practices", "Sector"), apps.get_model("practices", "Audience"))


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
