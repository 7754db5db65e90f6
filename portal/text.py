from django.utils.text import slugify

# Kyrgyz and Russian letters in Latin, as in common Kyrgyz transliteration (ө -> o, ү -> u, ң -> ng).
_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "ng",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ү": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}


def ascii_slug(text):
    """A Latin slug for text in any of the portal's languages: "Ичүүчү суу" -> "ichuuchu-suu"."""
    letters = "".join(_CYRILLIC.get(char, _CYRILLIC.get(char.lower(), char)) for char in text)
    return slugify(letters)
