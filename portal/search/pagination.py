class RankedIds:
    """The ranked results of one search, as Django's Paginator wants them: a count and slices of ids."""

    def __init__(self, results):
        self.results = results

    def count(self):
        return self.results.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if isinstance(item, slice):
            return self.results.page_ids(item.start or 0, item.stop)
        return self.results.page_ids(item, item + 1)[0]
