from django.urls import path

from accounts import views
from events.registration_views import cancel_from_cabinet
from practices import proposal_views

app_name = "accounts"

# Mounted at /<lang>/account/ before django-allauth's pages (login/, signup/, email/, password/...).
urlpatterns = [
    path("", views.CabinetView.as_view(), name="cabinet"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("profile/verification/", views.request_verification, name="request_verification"),
    path("saved/", views.SavedPracticeListView.as_view(), name="saved"),
    path("data/", views.download_data, name="download_data"),
    path("delete/", views.DeleteAccountView.as_view(), name="delete"),
    path("registrations/<int:pk>/cancel/", cancel_from_cabinet, name="cancel_registration"),
    path("practices/", proposal_views.proposal_list, name="proposals"),
    path("practices/new/", proposal_views.proposal_start, name="proposal_start"),
    path("practices/<int:pk>/", proposal_views.proposal_detail, name="proposal"),
    path("practices/<int:pk>/delete/", proposal_views.proposal_delete, name="proposal_delete"),
]
