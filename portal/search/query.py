"""Read what a person typed into the search box: words, "quoted phrases", OR and -exclusions.

The same reading feeds PostgreSQL (``to_tsquery`` text for the Kyrgyz rows, which need prefix
matching) and the simple SQLite search. Nothing a person types can break it: unknown punctuation is
dropped, and a query with no words is empty.
"""

import re
from dataclasses import dataclass, field

from portal.search.kyrgyz import stem

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
_WORD = re.compile(r"[\w]+", re.UNICODE)
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')


@dataclass
class Term:
    words: list[str]  # one word, or several for a quoted phrase
    negated: bool = False


@dataclass
class ParsedQuery:
    # Groups are joined by OR; the terms inside a group by AND.
    groups: list[list[Term]] = field(default_factory=list)

    @property
    def is_empty(self):
        return not any(not term.negated for group in self.groups for term in group)

    def positive_words(self):
        return [word for group in self.groups for term in group if not term.negated for word in term.words]


def parse(text: str) -> ParsedQuery:
    text = (text or "")[:MAX_QUERY_LENGTH]
    groups, current, count = [], [], 0
    for match in _TOKEN.finditer(text):
        negated, phrase, bare = match.group(1) == "-", match.group(2), match.group(3)
        if bare is not None and bare.upper() == "OR":
            if current:
                groups.append(current)
            current = []
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = True, bare[1:]
        words = [word.lower() for word in _WORD.findall(phrase if phrase is not None else bare or "")]
        if not words or count >= MAX_TERMS:
            continue
        if phrase is None and len(words) > 1:
            # "e-library" or "ayil-okmotu": each part is a word of its own.
            current.extend(Term([word], negated) for word in words)
        else:
            current.append(Term(words, negated))
        count += 1
    if current:
        groups.append(current)
    return ParsedQuery(groups)


def prefix_tsquery(query: ParsedQuery) -> str:
    """``to_tsquery('simple', ...)`` text matching Kyrgyz word forms: stems as prefixes (суунун -> суу:*)."""

    def lexeme(word):
        # The whole word counts too, so that ranking prefers it over words that merely share the stem.
        stemmed = stem(word)
        return f"{word}:*" if stemmed == word else f"({word}:* | {stemmed}:*)"

    groups = []
    for group in query.groups:
        parts = []
        for term in group:
            expression = " <-> ".join(lexeme(word) for word in term.words)
            if len(term.words) > 1:
                expression = f"({expression})"
            parts.append(f"!{expression}" if term.negated else expression)
        if any(not term.negated for term in group):
            groups.append(" & ".join(parts))
    return " | ".join(f"({group})" for group in groups)
