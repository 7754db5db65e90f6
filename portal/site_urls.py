from django.urls import path

from portal import views

app_name = "portal"

urlpatterns = [
    path("pages/<slug:slug>/", views.StaticPageView.as_view(), name="page"),
]
