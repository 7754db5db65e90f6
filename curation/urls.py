from django.urls import path

from curation import views

app_name = "curation"

urlpatterns = [
    path("", views.collection_list, name="list"),
    path("<slug:slug>/", views.collection_page, name="detail"),
]
