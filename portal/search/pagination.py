class CountedQuerySet:
    """A ranked queryset with its count computed another, cheaper way, for Django's Paginator."""

    def __init__(self, queryset, count):
        self.queryset = queryset
        self._count = count

    def count(self):
        return self._count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        return self.queryset[item]
