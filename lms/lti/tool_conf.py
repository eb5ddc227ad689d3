"""pylti1p3's tool configuration read from the LtiPlatform registrations (Django admin) and
signing with our current LtiKey. Launch data and nonces live in the cache (pylti1p3's
DjangoCacheDataStorage), not in the Django session: the launch is a cross-site POST, which a
SameSite=Lax session cookie does not accompany."""

from pylti1p3.contrib.django import DjangoCacheDataStorage
from pylti1p3.deployment import Deployment
from pylti1p3.registration import Registration
from pylti1p3.tool_config.abstract import ToolConfAbstract

from . import selectors
from .keys import private_jwk, private_pem_decrypt
from .models import LtiPlatform


def registration_for(platform: LtiPlatform) -> Registration:
    from .services.keys import lti_key_ensure

    key = lti_key_ensure()
    public_pem = private_jwk(key.kid, key.private_key_encrypted).export_to_pem().decode()
    return (Registration()
            .set_issuer(platform.issuer)
            .set_client_id(platform.client_id)
            .set_auth_login_url(platform.auth_login_url)
            .set_auth_token_url(platform.auth_token_url)
            .set_auth_audience(platform.auth_audience or None)  # type: ignore[arg-type]
            .set_key_set_url(platform.key_set_url)
            .set_tool_private_key(private_pem_decrypt(key.private_key_encrypted).decode())
            .set_tool_public_key(public_pem))


class DatabaseToolConf(ToolConfAbstract):
    """One issuer may hold several client ids (several Moodle sites behind one issuer)."""

    def check_iss_has_one_client(self, iss):
        return False

    def check_iss_has_many_clients(self, iss):
        return True

    def find_registration_by_issuer(self, iss, *args, **kwargs):
        platform = selectors.platform_find(iss)
        return registration_for(platform) if platform else None

    def find_registration_by_params(self, iss, client_id, *args, **kwargs):
        platform = selectors.platform_find(iss, client_id or None)
        return registration_for(platform) if platform else None

    def find_deployment(self, iss, deployment_id):
        return self.find_deployment_by_params(iss, deployment_id, None)

    def find_deployment_by_params(self, iss, deployment_id, client_id, *args, **kwargs):
        platform = selectors.platform_find(iss, client_id or None)
        if platform is None or not deployment_id or deployment_id not in platform.deployment_ids:
            return None
        return Deployment().set_deployment_id(deployment_id)


def launch_storage() -> DjangoCacheDataStorage:
    return DjangoCacheDataStorage(cache_name="default")
