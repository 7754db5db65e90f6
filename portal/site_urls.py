from django.urls import path

from portal import geography_views, search_views, views

app_name = "portal"

urlpatterns = [
    path("pages/<slug:slug>/", views.StaticPageView.as_view(), name="page"),
    path("search/", search_views.SearchView.as_view(), name="search"),
    path("municipalities/", geography_views.MunicipalityIndexView.as_view(), name="municipalities"),
    path("municipalities/<slug:slug>/", geography_views.MunicipalityDetailView.as_view(), name="municipality"),
    path("regions/<slug:slug>/", geography_views.RegionDetailView.as_view(), name="region"),
    path("districts/<slug:slug>/", geography_views.DistrictDetailView.as_view(), name="district"),
]
