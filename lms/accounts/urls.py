from django.contrib.auth import views as auth_views
from django.urls import path

from lms.units.access import public, signed_in

from . import views_admin, views_password, views_security, views_signin
from .navigation import signed_in_home

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", views_signin.SignInView.as_view(), name="login"),
    path("dang-xuat/", public(auth_views.LogoutView.as_view()), name="logout"),
    path("", signed_in(signed_in_home), name="home"),
    path("hai-buoc/", views_signin.two_step, name="two_step"),
    path("dang-nhap-bang-ma/", views_signin.code_login, name="code_login"),
    path("dang-nhap-bang-ma/nhap-ma/", views_signin.code_login_verify, name="code_login_verify"),
    path("bao-mat/", views_security.security, name="security"),
    path("xac-nhan/", views_security.confirm, name="reauth"),
    path("doi-mat-khau/", views_password.password_change, name="password_change"),
    # Forgotten password: a link by email or a code by SMS.
    path("quen-mat-khau/", views_password.reset_request, name="password_reset"),
    path("quen-mat-khau/nhap-ma/", views_password.reset_code, name="password_reset_code"),
    # The emailed link (a reset, or the invitation a school admin sends a new parent).
    path("dat-mat-khau/<uidb64>/<token>/", views_password.SetPasswordView.as_view(),
         name="set_password"),
    path("dat-mat-khau/xong/", public(auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/set_password_done.html")), name="set_password_done"),
    # School admins: pupils' new passwords (printed) and sign-in lockouts.
    path("hoc-sinh/", views_admin.classes, name="admin_classes"),
    path("hoc-sinh/lop/<int:unit_id>/", views_admin.class_accounts, name="admin_class"),
    path("khoa-dang-nhap/", views_admin.lockouts, name="admin_lockouts"),
]
