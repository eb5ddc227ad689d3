"""Sign-in (codes, preferences, recovery codes) moved here from lms.families: state only. The
tables keep their names (families_*), no row moves; the content types are relabelled so that
permissions and admin history follow the models."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MODELS = ("signinpreference", "signincode", "recoverycode")


def relabel(apps, old: str, new: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not content_type.objects.filter(app_label=new, model=model).exists():
            content_type.objects.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    relabel(apps, "families", "accounts")


def backwards(apps, schema_editor):
    relabel(apps, "accounts", "families")


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_household_recorded_ethnicity_unknown'),
        ('families', '0005_signin_moved_to_accounts'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SignInPreference',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('two_step', models.BooleanField(default=False, verbose_name='đăng nhập hai bước')),
                        ('channel', models.CharField(choices=[('sms', 'Tin nhắn SMS'), ('email', 'Email')], default='sms', max_length=5, verbose_name='nhận mã qua')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='sign_in_preference', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'cài đặt đăng nhập',
                        'verbose_name_plural': 'cài đặt đăng nhập',
                        'db_table': 'families_signinpreference',
                    },
                ),
                migrations.CreateModel(
                    name='RecoveryCode',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code_hash', models.CharField(max_length=64)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('used_at', models.DateTimeField(blank=True, null=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'mã dự phòng',
                        'verbose_name_plural': 'mã dự phòng',
                        'db_table': 'families_recoverycode',
                        'constraints': [models.UniqueConstraint(fields=('user', 'code_hash'), name='recovery_code_unique')],
                    },
                ),
                migrations.CreateModel(
                    name='SignInCode',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('purpose', models.CharField(choices=[('two_step', 'đăng nhập hai bước'), ('code_login', 'đăng nhập bằng mã'), ('reset', 'đặt lại mật khẩu'), ('reauth', 'xác nhận lại danh tính')], max_length=12)),
                        ('channel', models.CharField(choices=[('sms', 'Tin nhắn SMS'), ('email', 'Email')], max_length=5)),
                        ('code_hash', models.CharField(max_length=64)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('expires_at', models.DateTimeField()),
                        ('used_at', models.DateTimeField(blank=True, null=True)),
                        ('attempts', models.PositiveSmallIntegerField(default=0)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'mã đăng nhập một lần',
                        'verbose_name_plural': 'mã đăng nhập một lần',
                        'db_table': 'families_signincode',
                        'indexes': [models.Index(fields=['user', 'purpose', 'created_at'], name='signin_code_user_idx')],
                    },
                ),
            ],
            database_operations=[migrations.RunPython(forwards, backwards)],
        ),
    ]
