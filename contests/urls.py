from django.urls import path

from contests import entry_views, views

app_name = "contests"

urlpatterns = [
    path("", views.ContestListView.as_view(), name="list"),
    path("entries/", entry_views.entry_list, name="entries"),
    path("entries/<int:pk>/", entry_views.entry_detail, name="entry"),
    path("<slug:slug>/enter/", entry_views.entry_start, name="entry_start"),
    path("<slug:slug>/", views.ContestDetailView.as_view(), name="detail"),
]
