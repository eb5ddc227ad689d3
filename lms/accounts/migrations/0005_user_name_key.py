"""Issue 19 item 11: the stored Vietnamese name sort key, back-filled for every account."""

from django.db import migrations, models

from lms.common.names import name_sort_key


def backfill(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    batch = []
    for user in User.objects.only("pk", "full_name", "first_name", "last_name",
                                  "username").iterator(chunk_size=2000):
        name = (user.full_name or f"{user.first_name} {user.last_name}".strip()
                or user.username)
        user.name_key = name_sort_key(name)
        batch.append(user)
        if len(batch) >= 2000:
            User.objects.bulk_update(batch, ["name_key"])
            batch = []
    if batch:
        User.objects.bulk_update(batch, ["name_key"])


class Migration(migrations.Migration):

    dependencies = [("accounts", "0004_signin_moved_from_families")]

    operations = [
        migrations.AddField(
            model_name="user", name="name_key",
            field=models.CharField(blank=True, db_index=True, default="", db_default="", editable=False,
                                   max_length=255)),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
