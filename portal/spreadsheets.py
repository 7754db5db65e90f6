"""CSV files that open right in Excel: UTF-8 with a byte-order mark, and no cell run as a formula."""

import csv

from django.http import HttpResponse


def spreadsheet_safe(value):
    """Text a spreadsheet would run as a formula (=, +, -, @ first) is kept as text."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_download(filename, header, rows):
    """A whole (small) table as a CSV attachment; every cell goes through spreadsheet_safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so that Excel opens the Cyrillic text as UTF-8
    writer = csv.writer(response)
    writer.writerow([str(label) for label in header])
    for row in rows:
        writer.writerow([spreadsheet_safe(value) for value in row])
    return response
