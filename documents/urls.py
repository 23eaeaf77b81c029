from django.urls import path

from . import feeds, views

app_name = "documents"

urlpatterns = [
    path("van-ban/", views.DocumentListView.as_view(), name="list"),
    path("van-ban/rss/", feeds.LatestDocumentsFeed(), name="feed"),
    path("van-ban/<slug:slug>/", views.DocumentDetailView.as_view(), name="detail"),
    path("van-ban/<slug:slug>/xem/", views.document_file, name="file"),
    path("van-ban/<slug:slug>/tai-ve/", views.document_download, name="download"),
]
