from practices.models.media import PracticeDocument, PracticeImage, PracticeVideo
from practices.models.practice import Country, Practice, PracticeQuerySet, PracticeRedirect, published_condition
from practices.models.replication import Replication
from practices.models.topics import Audience, PracticeTag, Sector, TaggedPractice, Topic

__all__ = [
    "Audience",
    "Country",
    "Practice",
    "PracticeDocument",
    "PracticeImage",
    "PracticeQuerySet",
    "PracticeRedirect",
    "PracticeTag",
    "PracticeVideo",
    "Replication",
    "Sector",
    "TaggedPractice",
    "Topic",
    "published_condition",
]
