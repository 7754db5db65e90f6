"""The interface exists in Kyrgyz and Russian, and the compiled catalogues say what the .po files say."""

import html
import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = ("ky", "ru")


def _catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(language):
    catalogue = _catalogue(language)
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_the_po_file(language):
    """A fresh machine runs on the committed .mo files, so they must not lag behind the .po files."""
    po = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in _catalogue(language).translated_entries()
    }
    mo_file = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    mo = {(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in mo_file if e.msgid}
    assert mo == po


def _visible_text(page, language):
    """What a reader sees or hears: the title, the description, the body's text and announced attributes.

    Text marked as another language (the switcher names each language in itself) is left out."""
    head, body = page.split("<body", 1)
    body = re.sub(rf'<(a|span)\b[^>]*\blang="(?!{language}")[^"]*"[^>]*>.*?</\1>', " ", body, flags=re.S)
    title = re.findall(r"<title>(.*?)</title>", head, flags=re.S)
    descriptions = re.findall(
        r'<meta (?:name="description"|property="og:(?:title|description|site_name)") content="([^"]*)"', head
    )
    attributes = re.findall(r'(?:aria-label|alt|title|placeholder)="([^"]*)"', body)
    text = re.sub(r"<[^>]+>", "\n", "<body" + body)
    return html.unescape("\n".join([*title, *descriptions, text, *attributes]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_interface_string_is_left_on_the_home_page(client, sample_content, language):
    text = _visible_text(client.get(f"/{language}/").content.decode(), language)
    # Only strings whose translation differs from the English original can betray a missing translation;
    # short ones ("OK") would match inside other words.
    leftovers = [
        entry.msgid
        for entry in _catalogue(language)
        if entry.msgstr
        and entry.msgstr != entry.msgid
        and len(entry.msgid) > 3
        and "%" not in entry.msgid
        and re.search(rf"(?<![\w]){re.escape(entry.msgid)}(?![\w])", text)
    ]
    assert leftovers == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_has_no_latin_words_outside_proper_names(client, sample_content, language):
    """A cruder net for strings that never reached the catalogue: lower-case English words."""
    text = _visible_text(client.get(f"/{language}/").content.decode(), language)
    words = set(re.findall(r"\b[a-z]{4,}\b", text))
    allowed = {"https", "http", "website", "article"}  # og:type values and URLs, not shown as text
    assert words - allowed == set()
