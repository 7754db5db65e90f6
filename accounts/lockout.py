def attempted_email(request, credentials):
    """The address a sign-in tried: the site's form calls it "login", the admin's "username"."""
    credentials = credentials or {}
    for key in ("email", "login", "username"):
        value = credentials.get(key) or (request.POST.get(key) if request is not None else None)
        if value:
            return str(value).strip().lower()
    return None
