#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    # manage.py is the developer's tool: in a checkout it runs in development mode unless told
    # otherwise. Production sets DEBUG=0 (see .env.example), and gunicorn goes through wsgi.py,
    # where DEBUG stays off unless set.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
