"""Saves anywhere (admin, services, loaders) keep the search table in step."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.search import indexing


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures load raw rows; rebuild_search_index covers them
        indexing.reindex(instance)


def _deleted(sender, instance, **kwargs):
    indexing.unindex(instance)


def _relations_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and indexing.indexer_for(type(instance)):
        indexing.reindex(instance)


def _place_or_topic_renamed(sender, instance, raw=False, **kwargs):
    """A renamed municipality or sector changes the words its practices are found by."""
    if raw:
        return
    from portal.models import Municipality
    from practices.models import Sector
    from practices.search import PRACTICES

    if isinstance(instance, Municipality):
        practices = PRACTICES.queryset().filter(municipality=instance)
    elif isinstance(instance, Sector):
        practices = PRACTICES.queryset().filter(sectors=instance)
    else:
        return
    indexing.index_queryset(PRACTICES, practices)


def connect():
    from portal.models import Municipality
    from practices.models import Sector

    for indexer in indexing.REGISTRY.values():
        post_save.connect(_saved, sender=indexer.model, dispatch_uid=f"search-save-{indexer.kind}")
        post_delete.connect(_deleted, sender=indexer.model, dispatch_uid=f"search-delete-{indexer.kind}")
    # M2M signals come from the through models; one receiver checks the instance type.
    m2m_changed.connect(_relations_changed, dispatch_uid="search-m2m")
    for model in (Municipality, Sector):
        post_save.connect(_place_or_topic_renamed, sender=model, dispatch_uid=f"search-rename-{model.__name__}")
