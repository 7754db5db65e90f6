"""A light Kyrgyz stemmer for search queries (PostgreSQL has none).

Kyrgyz builds words by adding suffixes (plural, possessive, case) to a stem that does not change:
суу "water", суусу "its water", суунун "of the water", суулардын "of the waters". Stripping the usual
suffixes from a query word and matching the rest as a prefix finds every form of the word. It errs on
the side of keeping letters: a stem never gets shorter than three letters.
"""

MIN_STEM = 3
# A word carries at most a plural and a case ending in practice (таштанды-лар-ды); stripping more
# eats into stems that merely end like a suffix (таштанды -> таш).
MAX_SUFFIXES = 2

# Longest first, so that -лардын goes before -дын. Vowel harmony gives each suffix several forms.
_SUFFIXES = sorted(
    {
        # plural
        *["лар", "лер", "лор", "лөр", "дар", "дер", "дор", "дөр", "тар", "тер", "тор", "төр"],
        # genitive, accusative, dative, locative, ablative
        *["нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн"],
        *["ны", "ни", "ну", "нү", "ды", "ди", "ду", "дү", "ты", "ти", "ту", "тү"],
        *["га", "ге", "го", "гө", "ка", "ке", "ко", "кө", "на", "не", "но", "нө"],
        *["да", "де", "до", "дө", "та", "те", "то", "тө", "нда", "нде", "ндо", "ндө"],
        *["дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн", "нан", "нен", "нон", "нөн"],
        # possessive
        *["сы", "си", "су", "сү", "ым", "им", "ум", "үм", "ың", "иң", "уң", "үң", "ы", "и", "у", "ү"],
        # adjectives and abstract nouns that search treats as the same word
        *["дагы", "деги", "догу", "дөгү", "тагы", "теги", "тогу", "төгү"],
        *["чылык", "чилик", "чулук", "чүлүк"],
    },
    key=len,
    reverse=True,
)


def stem(word: str) -> str:
    """The word without its case, plural and possessive endings (never shorter than three letters)."""
    word = word.lower()
    for _ in range(MAX_SUFFIXES):
        suffix = next((s for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= MIN_STEM), None)
        if suffix is None:
            break
        word = word[: -len(suffix)]
    return word
