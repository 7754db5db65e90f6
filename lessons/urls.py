from django.urls import path

from lessons import views

app_name = "lessons"

urlpatterns = [
    path("", views.index, name="index"),
    path("courses/<slug:slug>/", views.course_page, name="course"),
    path("courses/<slug:slug>/certificate/", views.certificate_download, name="certificate"),
    path("certificates/", views.certificate_lookup, name="certificate_lookup"),
    path("certificates/<str:code>/", views.certificate_check, name="certificate_check"),
    path("<slug:slug>/", views.lesson_page, name="lesson"),
    path("<slug:slug>/watched/", views.toggle_watched, name="watched"),
]
