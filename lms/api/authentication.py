from oauth2_provider.contrib.rest_framework import OAuth2Authentication
from rest_framework.exceptions import AuthenticationFailed

from .models import ApiClient


class ApiClientAuthentication(OAuth2Authentication):
    """Bearer tokens from the client-credentials grant carry no user: act as the client's
    service account, so its officer role scopes everything it may read or write."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        user, token = result
        if user is None:
            client = (ApiClient.objects.select_related("service_user")
                      .filter(application_id=token.application_id).first())
            if client is None or not client.service_user.is_active:
                raise AuthenticationFailed("Ứng dụng chưa được gắn với đơn vị nào.")
            user = client.service_user
        return user, token
