"""A token-pattern matcher that returns exactly what ``spacy.matcher.Matcher`` returns, faster.

spaCy's Matcher starts one state per pattern at every token and calls a Python predicate
per token for each ``IN``/``REGEX`` test, which made our few dozen rule patterns the
largest cost of the pipeline. This matcher evaluates every token test once per *lexeme*
(cached by ORTH id across docs: the attributes it supports are fixed for a lexeme),
starts a pattern only at tokens its first token test can accept (found from the doc
view's ORTH index, shared by every matcher), and does not open a state that the same state
machine, run on the test masks of the token and the two after it, shows would die there
without a match (cached per mask triple). Otherwise it runs spaCy's state machine
(``matcher.pyx``: ``transition_states``, ``get_action``, ``finish_states``), so the
matches, and their order, are the same.

Supported: the attributes in ``_STRING_ATTRS`` and ``_FLAG_ATTRS`` with a literal value or
``IN``/``NOT_IN``/``REGEX``, and the operators ``!``, ``?``, ``*``, ``+``, ``{n,m}``. A
matcher given any other pattern (extension attributes, NORM, LEMMA, POS, callbacks,
``greedy``) hands all its work to a spaCy ``Matcher`` built from the same patterns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .docview import view

# Quantifiers and actions, as in spacy/matcher/matcher.pyx.
_ZERO, _ONE, _ZERO_PLUS, _ZERO_ONE = 0, 1, 2, 3
_OPS: dict[str, tuple[int, ...]] = {"*": (_ZERO_PLUS,), "+": (_ONE, _ZERO_PLUS), "?": (_ZERO_ONE,), "1": (_ONE,), "!": (_ZERO,)}
_REJECT, _MATCH, _ADVANCE, _RETRY, _MATCH_EXTEND, _RETRY_ADVANCE, _RETRY_EXTEND, _MATCH_REJECT, _MATCH_DOUBLE = range(9)
_RETRIES = (_RETRY, _RETRY_ADVANCE, _RETRY_EXTEND)

# Lexeme-level attributes only: a token's value is its lexeme's, so it can be cached by ORTH.
_STRING_ATTRS: dict[str, Callable[[Any], str]] = {
    "ORTH": lambda lex: lex.orth_,
    "TEXT": lambda lex: lex.orth_,
    "LOWER": lambda lex: lex.lower_,
    "SHAPE": lambda lex: lex.shape_,
    "PREFIX": lambda lex: lex.prefix_,
    "SUFFIX": lambda lex: lex.suffix_,
}
_FLAG_ATTRS = frozenset({
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
    "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
})
_MAX_CACHE = 500_000


def _operators(op: Any) -> tuple[int, ...] | None:
    if op is None:
        return (_ONE,)
    if not isinstance(op, str):
        return None
    if op in _OPS:
        return _OPS[op]
    m = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)
    if not m or (not m.group(1) and not m.group(3)):
        return None
    n = int(m.group(1) or 0)
    if not m.group(2):
        return (_ONE,) * n
    if m.group(3):
        top = int(m.group(3))
        return None if top < n else (_ONE,) * n + (_ZERO_ONE,) * (top - n)
    return (_ONE,) * n + (_ZERO_PLUS,)


def _compile_test(spec: dict[str, Any]) -> Callable[[Any], bool] | None:
    """A function of a Lexeme that is True where spaCy's spec matches, or None if unsupported."""
    tests: list[Callable[[Any], bool]] = []
    for attr, value in spec.items():
        if attr in _STRING_ATTRS:
            get = _STRING_ATTRS[attr]
            if isinstance(value, str):
                tests.append(lambda lex, get=get, value=value: get(lex) == value)
            elif isinstance(value, dict) and value:
                for pred, arg in value.items():
                    if pred in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                        values = frozenset(arg)
                        want = pred == "IN"
                        tests.append(lambda lex, get=get, values=values, want=want: (get(lex) in values) is want)
                    elif pred == "REGEX" and isinstance(arg, str):
                        search = re.compile(arg).search
                        tests.append(lambda lex, get=get, search=search: bool(search(get(lex))))
                    else:
                        return None
            else:
                return None
        elif attr in _FLAG_ATTRS and isinstance(value, bool):
            name = attr.lower()
            tests.append(lambda lex, name=name, value=value: bool(getattr(lex, name)) is value)
        elif attr == "LENGTH" and isinstance(value, int) and not isinstance(value, bool):
            tests.append(lambda lex, value=value: len(lex.orth_) == value)
        else:
            return None
    return lambda lex: all(test(lex) for test in tests)


class _MaskIndex:
    """A matcher's token tests arranged so that a lexeme's mask costs a few dict lookups.

    Calling every compiled test on a new lexeme cost ~180 µs (each reads the lexeme's strings
    again), which made new words (names, numbers, typos: most of a real note's vocabulary the
    first time it is seen) the largest single cost of the pipeline. Here each string
    attribute is read once; equality and ``IN`` tests are one lookup of that string in a
    table of bits; ``NOT_IN`` starts set and a lookup clears it; ``REGEX``, flag and length
    tests run once each. A test of several attributes keeps its compiled function.
    """

    def __init__(self, specs: list[dict[str, Any]], tests: list[Callable[[Any], bool]]):
        self.base = 0
        self.set_by: dict[str, dict[str, int]] = {}
        self.cleared_by: dict[str, dict[str, int]] = {}
        self.regexes: list[tuple[str, Callable[[str], Any], int]] = []
        self.flags: list[tuple[str, bool, int]] = []
        self.lengths: dict[int, int] = {}
        self.others: list[tuple[Callable[[Any], bool], int]] = []
        for i, (spec, test) in enumerate(zip(specs, tests, strict=True)):
            if not self._add(spec, 1 << i):
                self.others.append((test, 1 << i))
        self.attrs = sorted({*self.set_by, *self.cleared_by, *(attr for attr, _, _ in self.regexes)})

    def _add(self, spec: dict[str, Any], bit: int) -> bool:
        if len(spec) != 1:
            return False
        ((attr, value),) = spec.items()
        if attr in _STRING_ATTRS:
            attr = "ORTH" if attr == "TEXT" else attr
            if isinstance(value, str):
                table = self.set_by.setdefault(attr, {})
                table[value] = table.get(value, 0) | bit
                return True
            if not (isinstance(value, dict) and len(value) == 1):
                return False
            ((pred, arg),) = value.items()
            if pred in ("IN", "NOT_IN"):
                if pred == "NOT_IN":
                    self.base |= bit
                table = (self.set_by if pred == "IN" else self.cleared_by).setdefault(attr, {})
                for v in arg:
                    table[v] = table.get(v, 0) | bit
                return True
            if pred == "REGEX":
                self.regexes.append((attr, re.compile(arg).search, bit))
                return True
            return False
        if attr in _FLAG_ATTRS:
            self.flags.append((attr.lower(), value, bit))
            return True
        if attr == "LENGTH":
            self.lengths[value] = self.lengths.get(value, 0) | bit
            return True
        return False

    def mask(self, lex: Any) -> int:
        strings = {attr: _STRING_ATTRS[attr](lex) for attr in self.attrs}
        mask = self.base
        for attr, table in self.set_by.items():
            mask |= table.get(strings[attr], 0)
        for attr, table in self.cleared_by.items():
            mask &= ~table.get(strings[attr], 0)
        for attr, search, bit in self.regexes:
            if search(strings[attr]):
                mask |= bit
        for name, value, bit in self.flags:
            if bool(getattr(lex, name)) is value:
                mask |= bit
        if self.lengths:
            mask |= self.lengths.get(len(lex.orth_), 0)
        for test, bit in self.others:
            if test(lex):
                mask |= bit
        return mask


class TokenMatcher:
    """Drop-in for the parts of ``spacy.matcher.Matcher`` our components use:
    ``add(key, patterns)``, ``__call__(doclike) -> [(match_id, start, end), ...]``,
    ``__len__``, ``__contains__`` and ``_normalize_key``."""

    def __init__(self, vocab: Vocab, validate: bool = False):
        self.vocab = vocab
        self.validate = validate
        self._added: list[tuple[Any, list[list[dict[str, Any]]]]] = []
        self._keys: set[int] = set()
        self._spacy: Matcher | None = None  # set when a pattern is beyond this matcher
        self._tests: list[Callable[[Any], bool]] = []
        self._test_specs: list[dict[str, Any]] = []
        self._test_bit: dict[str, int] = {}
        self._index: _MaskIndex | None = None  # the tests arranged for lookups, built when first needed
        # per pattern: match id, quantifiers, test bit masks, first-token mask (None: may start anywhere)
        self._pkeys: list[int] = []
        self._pquants: list[tuple[int, ...]] = []
        self._pbits: list[tuple[int, ...]] = []
        self._first: list[int | None] = []
        self._pacts: list[tuple[tuple[int, int], ...]] = []
        self._any_first = 0
        self._anywhere: tuple[int, ...] = ()
        self._mask_cache: dict[int, int] = {}
        self._starters: set[int] = set()  # ORTH ids of lexemes some pattern can start at
        self._start_cache: dict[int, tuple[int, ...]] = {}
        self._group: Any = None  # a MatcherGroup (matchgroup.py) answering for this matcher
        self._opening: dict[tuple[int, ...], tuple[int, ...]] = {}  # masks of a token and the next two -> patterns (see _open)

    def __reduce__(self):
        # the compiled tests are closures: pickle the patterns and compile them again
        return (_rebuild, (self.vocab, self.validate, self._added))

    # -- building ------------------------------------------------------------
    def _normalize_key(self, key: Any) -> int:
        return self.vocab.strings.add(key) if isinstance(key, str) else key

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: Any) -> bool:
        return self._normalize_key(key) in self._keys

    def add(self, key: Any, patterns: list[list[dict[str, Any]]], *, on_match: Any = None, greedy: str | None = None) -> None:
        self._group = None  # the group's pass knows only the patterns it was formed with
        self._added.append((key, patterns))
        self._keys.add(self._normalize_key(key))
        if self._spacy is not None or on_match is not None or greedy is not None or not self._compile(key, patterns):
            self._to_spacy(on_match=on_match, greedy=greedy)

    def _to_spacy(self, *, on_match: Any = None, greedy: str | None = None) -> None:
        if self._spacy is None:
            self._spacy = Matcher(self.vocab, validate=self.validate)
            for key, patterns in self._added[:-1]:
                self._spacy.add(key, patterns)
        key, patterns = self._added[-1]
        self._spacy.add(key, patterns, on_match=on_match, greedy=greedy)

    def _compile(self, key: Any, patterns: list[list[dict[str, Any]]]) -> bool:
        compiled = []
        for pattern in patterns:
            if not isinstance(pattern, list) or not pattern:
                return False
            quants: list[int] = []
            bits: list[int] = []
            for spec in pattern:
                if not isinstance(spec, dict) or not all(isinstance(k, str) for k in spec):
                    return False
                spec = {k.upper(): v for k, v in spec.items()}
                ops = _operators(spec.pop("OP", None))
                if ops is None:
                    return False
                if not ops:  # "{0}": the token is dropped from the pattern, as in spaCy
                    continue
                bit = self._bit(spec)
                if bit is None:
                    return False
                quants.extend(ops)
                bits.extend([bit] * len(ops))
            if not quants:
                return False
            compiled.append((tuple(quants), tuple(bits)))
        match_id = self._normalize_key(key)
        for quants, bits in compiled:
            first: int | None = 0
            for quant, bit in zip(quants, bits, strict=True):
                if quant == _ZERO:
                    first = None  # "!" matches tokens the test rejects: may start anywhere
                    break
                first |= bit
                if quant == _ONE:
                    break
            self._pkeys.append(match_id)
            self._pquants.append(quants)
            self._pbits.append(bits)
            self._first.append(first)
            last = len(quants) - 1
            # per node: the action when the token fails / passes the node's test
            self._pacts.append(tuple((_action(q, False, k == last), _action(q, True, k == last)) for k, q in enumerate(quants)))
        self._any_first = 0
        for first in self._first:
            if first is not None:
                self._any_first |= first
        self._anywhere = tuple(i for i, first in enumerate(self._first) if first is None)
        self._start_cache.clear()
        self._opening.clear()
        self._reset_cache()
        return True

    def _bit(self, spec: dict[str, Any]) -> int | None:
        name = json.dumps(spec, sort_keys=True)
        if name not in self._test_bit:
            test = _compile_test(spec)
            if test is None:
                return None
            self._test_bit[name] = 1 << len(self._tests)
            self._tests.append(test)
            self._test_specs.append(spec)
            self._index = None
            self._reset_cache()
        return self._test_bit[name]

    # -- matching ------------------------------------------------------------
    def _mask(self, orth: int) -> int:
        """The bit mask of the token tests a lexeme passes, cached (and noted in
        ``_starters`` when some pattern can start at it)."""
        if self._index is None:
            self._index = _MaskIndex(self._test_specs, self._tests)
        mask = self._index.mask(self.vocab[orth])
        self._mask_cache[orth] = mask
        if mask & self._any_first:
            self._starters.add(orth)
        return mask

    def _reset_cache(self) -> None:
        self._mask_cache.clear()
        self._starters.clear()

    def _starts(self, mask: int) -> tuple[int, ...]:
        """Patterns whose first token test can accept a token with this mask, in pattern order."""
        found = self._start_cache.get(mask)
        if found is None:
            found = tuple(i for i, first in enumerate(self._first) if first is None or first & mask)
            self._start_cache[mask] = found
        return found

    def __call__(self, doclike: Doc | Span, *, as_spans: bool = False, allow_missing: bool = False,
                 with_alignments: bool = False) -> list[Any]:
        if self._spacy is not None or with_alignments:
            if self._spacy is None:
                self._spacy = Matcher(self.vocab, validate=self.validate)
                for key, patterns in self._added:
                    self._spacy.add(key, patterns)
            return self._spacy(doclike, as_spans=as_spans, allow_missing=allow_missing, with_alignments=with_alignments)
        if not self._pkeys:
            return []
        if self._group is not None and not as_spans and isinstance(doclike, Doc):
            return self._group.matches_of(self, doclike)
        if isinstance(doclike, Doc):
            v = view(doclike)
            matches = self.match_orths(v.orths, v.positions())
        else:
            matches = self.match_orths([t.orth for t in doclike])
        if as_spans:
            doc = doclike.doc if isinstance(doclike, Span) else doclike
            offset = doclike.start if isinstance(doclike, Span) else 0
            return [Span(doc, s + offset, e + offset, label=k) for k, s, e in matches]
        return matches

    def match_orths(self, orths: list[int], positions: dict[int, list[int]] | None = None) -> list[tuple[int, int, int]]:
        """Matches over a sequence of ORTH ids, as ``(match_id, start, end)`` in spaCy's order.
        ``positions`` (ORTH id -> token indices, as ``DocView.positions()``) saves a pass over
        ``orths`` when several matchers read the same doc."""
        if positions is None:
            positions = _positions(orths)
        cache = self._mask_cache
        unseen = [orth for orth in positions if orth not in cache]
        if unseen:
            if len(cache) + len(unseen) > _MAX_CACHE:
                # start afresh before this doc, so every one of its tokens stays cached while it runs
                self._reset_cache()
                unseen = list(positions)
            for orth in unseen:
                self._mask(orth)
        n = len(orths)
        anywhere = bool(self._anywhere)
        if anywhere:
            starts_at: list[int] = list(range(n))
        else:
            present = self._starters.intersection(positions)
            if not present:
                return []
            if len(present) == 1:
                starts_at = positions[next(iter(present))]
            else:
                starts_at = sorted(i for orth in present for i in positions[orth])
        any_first = self._any_first
        keys, quants, bits, acts = self._pkeys, self._pquants, self._pbits, self._pacts
        opening = self._opening
        found: list[tuple[int, int, int]] = []
        states: list[tuple[int, int, int, int]] = []  # (pattern, node, start, length)
        p = 0
        last = len(starts_at)
        i = starts_at[0]
        while i < n:
            mask = cache[orths[i]]
            if mask & any_first or anywhere:
                ahead = (mask, cache[orths[i + 1]] if i + 1 < n else -1, cache[orths[i + 2]] if i + 2 < n else -1)
                pids = opening.get(ahead)
                if pids is None:
                    pids = self._open(ahead)
                for pid in pids:
                    states.append((pid, 0, i, 0))
            if states:
                states = _transition(states, found, mask, keys, bits, acts)
            if states:
                i += 1
            else:
                # no partial match open: jump to the next token a pattern can start at
                while p < last and starts_at[p] <= i:
                    p += 1
                if p == last:
                    break
                i = starts_at[p]
        _finish(states, found, keys, quants)
        seen: set[tuple[int, int, int]] = set()
        out = []
        for match in found:
            if match[2] > match[1] and match not in seen:
                seen.add(match)
                out.append(match)
        return out

    def _open(self, ahead: tuple[int, ...]) -> tuple[int, ...]:
        """The patterns that open a state at a token, given the test masks of it and the tokens
        after it (``ahead``; -1 past the end of the doc), in pattern order (cached). A state
        that would die on those tokens without a match is left out: it could change nothing."""
        if len(self._opening) >= _MAX_CACHE:
            self._opening.clear()
        found = tuple(pid for pid in self._starts(ahead[0]) if self._survives(pid, ahead))
        self._opening[ahead] = found
        return found

    def _survives(self, pid: int, ahead: tuple[int, ...]) -> bool:
        """Whether a state of pattern ``pid`` opened at the first of the tokens with test masks
        ``ahead`` finds a match on them or is still open after them: the same state machine run
        on those masks alone, so exact."""
        keys, bits, acts = self._pkeys, self._pbits, self._pacts
        found: list[tuple[int, int, int]] = []
        states = [(pid, 0, 0, 0)]
        for mask in ahead:
            if mask < 0:  # the doc ended: what is open finishes as at the end of a doc
                _finish(states, found, keys, self._pquants)
                states = []
                break
            states = _transition(states, found, mask, keys, bits, acts)
            if found or not states:
                break
        return bool(states) or any(end > start for _, start, end in found)  # empty matches are dropped


def _positions(orths: list[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for i, orth in enumerate(orths):
        found.setdefault(orth, []).append(i)
    return found


def _rebuild(vocab: Vocab, validate: bool, added: list[tuple[Any, list[list[dict[str, Any]]]]]) -> TokenMatcher:
    matcher = TokenMatcher(vocab, validate=validate)
    for key, patterns in added:
        matcher.add(key, patterns)
    return matcher


def _action(quant: int, is_match: bool, is_final: bool) -> int:
    """``get_action`` from spacy/matcher/matcher.pyx."""
    if quant == _ZERO:
        is_match = not is_match
        quant = _ONE
    if quant == _ONE:
        if is_match:
            return _MATCH if is_final else _ADVANCE
        return _REJECT
    if quant == _ZERO_PLUS:
        if is_match:
            return _MATCH_EXTEND if is_final else _RETRY_EXTEND
        return _MATCH_REJECT if is_final else _RETRY
    if is_match:  # ZERO_ONE
        return _MATCH_DOUBLE if is_final else _RETRY_ADVANCE
    return _MATCH_REJECT if is_final else _RETRY


def _transition(states, found, mask, keys, bits, acts):
    """``transition_states`` from spacy/matcher/matcher.pyx, for one token."""
    survivors = []
    new_states = []
    for pid, node, start, length in states:
        pb, pa = bits[pid], acts[pid]
        action = pa[node][1 if pb[node] & mask else 0]
        if action == _REJECT:
            continue
        while action in _RETRIES:
            if action == _RETRY_EXTEND:
                new_states.append((pid, node, start, length + 1))
            elif action == _RETRY_ADVANCE:
                new_states.append((pid, node + 1, start, length + 1))
            node += 1
            action = pa[node][1 if pb[node] & mask else 0]
        if action == _REJECT:
            continue
        if action == _ADVANCE:
            survivors.append((pid, node + 1, start, length + 1))
            continue
        key = keys[pid]
        if action == _MATCH:
            found.append((key, start, start + length + 1))
        elif action == _MATCH_DOUBLE:
            if length > 0:
                found.append((key, start, start + length))
            found.append((key, start, start + length + 1))
        elif action == _MATCH_REJECT:
            found.append((key, start, start + length))
        elif action == _MATCH_EXTEND:
            found.append((key, start, start + length))
            survivors.append((pid, node, start, length + 1))
    survivors.extend(new_states)
    return survivors


def _finish(states, found, keys, quants) -> None:
    """``finish_states`` from spacy/matcher/matcher.pyx: matches that end in optional tokens."""
    for pid, node, start, length in states:
        pq = quants[pid]
        while pq[node] in (_ZERO_PLUS, _ZERO_ONE):
            if node == len(pq) - 1:
                found.append((keys[pid], start, start + length))
                break
            node += 1
