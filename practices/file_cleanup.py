"""Files leave the storage with the rows that point to them.

Media are served publicly, so a photo the author removed (or a draft deleted with its account) must not
stay reachable at its old address. Files are deleted only after the transaction commits: a rolled-back
delete keeps its files.
"""

from django.db import transaction
from django.db.models.signals import post_delete, pre_save

# Model -> its file fields, filled by track().
FILE_FIELDS = {}


def _delete_later(field_file):
    if field_file and field_file.name:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name), robust=True)


def delete_files_of_deleted_row(sender, instance, **kwargs):
    for field in FILE_FIELDS[sender]:
        _delete_later(getattr(instance, field))


def delete_replaced_files(sender, instance, **kwargs):
    """An editor who uploads a new file in place of the old one leaves no orphan behind."""
    if not instance.pk:
        return
    previous = sender.objects.filter(pk=instance.pk).first()
    if previous is None:
        return
    for field in FILE_FIELDS[sender]:
        old, new = getattr(previous, field), getattr(instance, field)
        if old and old.name != (new.name if new else None):
            _delete_later(old)


def track(model, *fields):
    """Delete these file fields' files with the row, and when a new file replaces one."""
    FILE_FIELDS[model] = fields
    post_delete.connect(delete_files_of_deleted_row, sender=model, dispatch_uid=f"files-{model.__name__}")
    pre_save.connect(delete_replaced_files, sender=model, dispatch_uid=f"replaced-files-{model.__name__}")


def connect():
    from practices.models import PracticeDocument, PracticeImage

    track(PracticeImage, "image", "thumbnail", "large")
    track(PracticeDocument, "file")
