from django.urls import path

from events import registration_views, views
from events.feeds import PressReleaseFeed

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="list"),
    path("events/past/", views.PastEventListView.as_view(), name="past"),
    path("events/calendar/", views.EventCalendarView.as_view(), name="calendar"),
    path("events/feed.ics", registration_views.upcoming_events_feed, name="ical_feed"),
    path("events/registration/<str:token>/", registration_views.registration_page, name="registration"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("events/<slug:slug>/register/", registration_views.register, name="register"),
    path("events/<slug:slug>/calendar.ics", registration_views.event_calendar_file, name="ics"),
    path("news/", views.PressReleaseListView.as_view(), name="press_releases"),
    path("news/feed/", PressReleaseFeed(), name="press_release_feed"),
    path("news/<slug:slug>/", views.PressReleaseDetailView.as_view(), name="press_release"),
]
