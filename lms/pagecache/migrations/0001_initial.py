from django.db import migrations, models


def create_version_row(apps, schema_editor):
    apps.get_model("pagecache", "ContentVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("version", models.PositiveBigIntegerField(default=1)),
                ("changed_at", models.DateTimeField(auto_now=True)),
            ],
        ),
        migrations.RunPython(create_version_row, migrations.RunPython.noop),
    ]
