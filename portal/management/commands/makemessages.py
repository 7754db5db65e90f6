"""Django's makemessages without fuzzy matching.

A guessed ("fuzzy") translation of a new string is usually wrong in Kyrgyz or Russian and is shown to
nobody until someone notices it; an empty one is caught by the test that every string is translated.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = ["-q", "--backup=none", "--update", "--no-fuzzy-matching"]
