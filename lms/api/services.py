"""Creating integration clients and (for scripts and CI) issuing a token directly."""

import datetime

from django.db import transaction
from django.utils import timezone
from oauthlib.common import generate_token

from lms.accounts.models import User
from lms.units.models import RoleKind, Unit
from lms.units.services import role_grant

from .models import ApiClient


@transaction.atomic
def api_client_create(*, name: str, unit: Unit, can_write: bool = False) -> tuple[ApiClient, str]:
    """Returns the client and its secret (shown once: the database keeps only a hash)."""
    from oauth2_provider.generators import generate_client_secret
    from oauth2_provider.models import Application

    secret = generate_client_secret()
    application = Application.objects.create(
        name=name[:255], client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS, client_secret=secret)
    user = User.objects.create(username=f"api.{application.client_id[:20].lower()}",
                               full_name=name[:150])
    user.set_unusable_password()
    user.save(update_fields=["password"])
    role_grant(user=user, unit=unit, kind=RoleKind.OFFICER)
    client = ApiClient.objects.create(application=application, unit=unit, service_user=user,
                                      can_write=can_write)
    return client, secret


def api_token_issue(*, client: ApiClient, seconds: int = 3600) -> str:
    """An access token for `client` without the HTTP round trip (management command, CI)."""
    from oauth2_provider.models import AccessToken

    scope = "read write" if client.can_write else "read"
    token = generate_token()
    AccessToken.objects.create(application=client.application, token=token, scope=scope,
                               expires=timezone.now() + datetime.timedelta(seconds=seconds))
    return token
