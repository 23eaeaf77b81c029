from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("bao-cao/", views.ReportListView.as_view(), name="list"),
    path("bao-cao/moi/", views.ReportCreateView.as_view(), name="create"),
    path("bao-cao/chen-so-lieu/", views.EmbedOptionsView.as_view(), name="embed_options"),
    path("bao-cao/tong-hop/", views.SummaryIndexView.as_view(), name="summary_index"),
    path("bao-cao/tong-hop/<slug:period>/", views.SummaryView.as_view(), name="summary"),
    path("bao-cao/can-bo/", views.StaffListView.as_view(), name="staff_list"),
    path("bao-cao/can-bo/nhap/", views.StaffImportView.as_view(), name="staff_import"),
    path("bao-cao/<int:pk>/", views.ReportDetailView.as_view(), name="detail"),
    path("bao-cao/<int:pk>/nop/", views.ReportSubmitView.as_view(), name="submit"),
    path("bao-cao/<int:pk>/duyet/", views.ReportReviewView.as_view(), name="review"),
    path("mo-hinh/", views.ShowcaseListView.as_view(), name="showcase"),
    path("mo-hinh/<slug:slug>/", views.ShowcaseDetailView.as_view(), name="model_detail"),
]
