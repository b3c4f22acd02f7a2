"""The English tokenizer with a few extra splits that clinical shorthand needs."""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_suffix_regex

# "4.5MPH", "30min", "6%grade": split a unit glued to a number (English already does km, kg, ...).
_UNIT_SUFFIXES = [
    r"(?<=[0-9])(?:[mM][pP][hH]|[kK][pP][hH]|[mM]ins?|[hH]rs?|[hH]ours?|[mM]iles?|[mM]i|[kK]ms?|[kK]|[xX])",
]
# "3rd-4th", "L4-5": split a hyphen before a digit; "barefoot(or": split a bracket inside a word.
_INFIXES = [r"(?<=[0-9A-Za-z])-(?=[0-9])", r"(?<=[A-Za-z])[()](?=[A-Za-z])"]


@spacy.registry.tokenizers("tagger.tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        suffixes = list(defaults.suffixes or []) + _UNIT_SUFFIXES
        infixes = list(defaults.infixes or []) + _INFIXES
        tokenizer = Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=spacy.util.compile_prefix_regex(defaults.prefixes or []).search,
            suffix_search=compile_suffix_regex(suffixes).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
        return tokenizer

    return make
