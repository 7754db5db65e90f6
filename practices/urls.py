from django.urls import path

from accounts.views import toggle_saved_practice
from practices import views

app_name = "practices"

urlpatterns = [
    path("", views.PracticeListView.as_view(), name="list"),
    path("map/", views.PracticeMapView.as_view(), name="map"),
    path("<slug:slug>/", views.PracticeDetailView.as_view(), name="detail"),
    path("<slug:slug>/save/", toggle_saved_practice, name="save"),
]
