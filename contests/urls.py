from django.urls import path

from contests import views

app_name = "contests"

urlpatterns = [
    path("", views.ContestListView.as_view(), name="list"),
    path("<slug:slug>/", views.ContestDetailView.as_view(), name="detail"),
]
