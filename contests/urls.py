from django.urls import path

from contests import entry_views, jury_views, public_views, views

app_name = "contests"

urlpatterns = [
    path("", views.ContestListView.as_view(), name="list"),
    path("entries/", entry_views.entry_list, name="entries"),
    path("entries/<int:pk>/", entry_views.entry_detail, name="entry"),
    path("jury/", jury_views.jury_home, name="jury"),
    path("jury/<slug:slug>/", jury_views.jury_contest, name="jury_contest"),
    path("jury/<slug:slug>/ranking/", jury_views.ranking, name="ranking"),
    path("jury/<slug:slug>/ranking/remind/", jury_views.remind_jurors, name="remind_jurors"),
    path("jury/<slug:slug>/<int:pk>/", jury_views.jury_entry, name="jury_entry"),
    path("jury/<slug:slug>/decisions/", jury_views.decisions, name="decisions"),
    path("<slug:slug>/enter/", entry_views.entry_start, name="entry_start"),
    path("<slug:slug>/shortlist/", public_views.shortlist, name="shortlist"),
    path("<slug:slug>/shortlist/<int:pk>/", public_views.entry_page, name="entry_public"),
    path("<slug:slug>/shortlist/<int:pk>/vote/", public_views.vote, name="vote"),
    path("<slug:slug>/results/", public_views.results_page, name="results"),
    path("<slug:slug>/", views.ContestDetailView.as_view(), name="detail"),
]
