from django.urls import path

from . import documents, views

app_name = "xapi"

# Both with and without the trailing slash: xAPI clients address resources without one.
urlpatterns = []
for route, view, name in (
    ("about", views.about, "about"),
    ("statements", views.statements, "statements"),
    ("activities/state", documents.state, "state"),
    ("activities/profile", documents.activity_profile, "activity_profile"),
    ("activities", views.activities, "activities"),
    ("agents/profile", documents.agent_profile, "agent_profile"),
    ("agents", views.agents, "agents"),
):
    urlpatterns += [path(route, view, name=name), path(f"{route}/", view)]
