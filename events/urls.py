from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="list"),
    path("events/past/", views.PastEventListView.as_view(), name="past"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("news/", views.PressReleaseListView.as_view(), name="press_releases"),
    path("news/<slug:slug>/", views.PressReleaseDetailView.as_view(), name="press_release"),
]
