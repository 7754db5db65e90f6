"""PostgreSQL-only parts of site search: the pg_trgm extension, the GIN index on the weighted vectors
and the trigram index for misspelled titles and places. SQLite (the quick-start database) skips them."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_document_vector_gin ON portal_searchdocument USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS search_document_fuzzy_trgm ON portal_searchdocument "
    "USING gin (fuzzy_text gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS search_document_fuzzy_trgm",
    "DROP INDEX IF EXISTS search_document_vector_gin",
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_search_documents")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
