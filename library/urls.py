from django.urls import path

from library import views

app_name = "library"

urlpatterns = [
    path("", views.LibraryListView.as_view(), name="list"),
    path("<slug:slug>/", views.LibraryDetailView.as_view(), name="detail"),
    path("<slug:slug>/download/<str:language>/", views.download, name="download"),
]
