from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import path, reverse_lazy

from . import views_signin
from .navigation import signed_in_home

app_name = "accounts"

urlpatterns = [
    path("login/", views_signin.SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("home/", login_required(signed_in_home), name="home"),
    path("hai-buoc/", views_signin.two_step, name="two_step"),
    path("dang-nhap-bang-ma/", views_signin.code_login, name="code_login"),
    path("dang-nhap-bang-ma/nhap-ma/", views_signin.code_login_verify, name="code_login_verify"),
    path("bao-mat/", views_signin.security, name="security"),
    # The invitation a school admin sends a new parent: Django's reset-token flow.
    path("dat-mat-khau/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/set_password.html",
        success_url=reverse_lazy("accounts:set_password_done")), name="set_password"),
    path("dat-mat-khau/xong/", auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/set_password_done.html"), name="set_password_done"),
]
