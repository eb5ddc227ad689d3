"""Sign-in models moved to lms.accounts (accounts 0004): state only, the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('families', '0004_security_hardening'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='signincode',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='signinpreference',
                    name='user',
                ),
                migrations.DeleteModel(
                    name='RecoveryCode',
                ),
                migrations.DeleteModel(
                    name='SignInCode',
                ),
                migrations.DeleteModel(
                    name='SignInPreference',
                ),
            ],
            database_operations=[],
        ),
    ]
