from django.urls import path

from . import views

app_name = "commission"

urlpatterns = [
    path("gioi-thieu/", views.AboutView.as_view(), name="about"),
    path("lien-he/", views.ContactView.as_view(), name="contact"),
    path("lich-cong-tac/", views.ScheduleView.as_view(), name="schedule"),
    path("lich-cong-tac.ics", views.schedule_ics, name="schedule_ics"),
    path("hoi-dap/", views.QuestionListView.as_view(), name="questions"),
    path("en/", views.EnglishView.as_view(), name="english"),
    path("danh-gia/", views.RatingView.as_view(), name="rate"),
]
