from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import ArticleSitemap, CategorySitemap, HomeSitemap, SubsiteSitemap, TagSitemap
from articles.views import RobotsView
from commission.sitemaps import CommissionSitemap
from danvan_site.views import favicon, healthz
from documents.sitemaps import DocumentSitemap
from reports.sitemaps import ExemplaryModelSitemap, ShowcaseSitemap

admin.site.site_header = "Quản trị Ban Dân vận"
admin.site.site_title = "Quản trị"
admin.site.index_title = "Quản lý nội dung"

# 400, 403 and 404 use the templates of the same name; 500 may turn into 503 (database down).
handler500 = "danvan_site.views.server_error"

sitemaps = {
    "home": HomeSitemap,
    "categories": CategorySitemap,
    "articles": ArticleSitemap,
    "tags": TagSitemap,
    "subsites": SubsiteSitemap,
    "showcase": ShowcaseSitemap,
    "models": ExemplaryModelSitemap,
    "commission": CommissionSitemap,
    "documents": DocumentSitemap,
}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    # "Set your password" links of accounts created by import (reports.onboarding): Django's
    # own password-reset confirmation, under Vietnamese paths.
    path(
        "dat-mat-khau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "dat-mat-khau/xong/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    # "Mã kiểm tra" images, audio and refresh, drawn by django-simple-captcha on our server.
    path("captcha/", include("captcha.urls")),
    path("healthz", healthz, name="healthz"),
    # Browsers ask for /favicon.ico whatever the page links; the icon itself is a static file.
    path("favicon.ico", favicon, name="favicon"),
    # Before articles: its patterns are broad.
    path("", include("reports.urls")),
    path("", include("commission.urls")),
    path("", include("documents.urls")),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    # Uploaded images, served by Django when no proxy in front does it (try-out, intranet).
    from django.views.static import serve

    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})
    )
