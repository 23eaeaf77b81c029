from django.urls import path

from . import feeds, subsites, views

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
    path("don-vi/", subsites.SubsiteListView.as_view(), name="subsite_list"),
    path("don-vi/<slug:unit>/", subsites.SubsiteHomeView.as_view(), name="subsite_home"),
    path(
        "don-vi/<slug:unit>/chuyen-muc/<slug:slug>/",
        subsites.SubsiteCategoryView.as_view(),
        name="subsite_category",
    ),
    path("don-vi/<slug:unit>/rss/", feeds.SubsiteFeed(), name="subsite_feed"),
    path("bien-tap/tai-anh/", views.editor_upload, name="editor_upload"),
]
