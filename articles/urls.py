from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("chuyen-muc/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("chuyen-muc/<slug:slug>/rss/", feeds.CategoryFeed(), name="category_feed"),
    path("tin-tuc/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("tin-tuc/<slug:slug>/y-kien/", views.CommentCreateView.as_view(), name="comment"),
    path("tin-tuc/<slug:slug>/in/", views.ArticlePrintView.as_view(), name="print"),
    path("the/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("tim-kiem/", views.SearchView.as_view(), name="search"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("bien-tap/tai-anh/", views.editor_upload, name="editor_upload"),
]
