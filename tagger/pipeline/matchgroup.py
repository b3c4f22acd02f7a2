"""One matching pass over a doc on behalf of several token matchers.

Laterality, ConText, dose and time expressions each have a ``TokenMatcher`` of their own
rules; each call walks the doc, works out where its patterns can start and keeps its own
partial matches. A ``MatcherGroup`` compiles the patterns of all its members into one
matcher (each member's patterns under keys of their own, in the member's order), runs it
once per doc, and hands every member exactly the matches it would have found alone, in
the same order: the state machine treats patterns independently and keeps their states
and matches in pattern order, so one member's share of a combined run is its own run.

Members answer through the group only while they are unchanged (``TokenMatcher.add``
leaves the group); a matcher that has never been grouped, or was pickled, matches alone.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .docview import view
from .fastmatch import TokenMatcher


class MatcherGroup:
    def __init__(self, members: list[TokenMatcher]):
        self.members = list(members)
        vocab = members[0].vocab
        self.combined = TokenMatcher(vocab)
        self._slot: dict[int, int] = {}  # id(member) -> its index in a result
        self._owner: dict[int, tuple[int, int]] = {}  # combined match id -> (member index, member's match id)
        # A member's key becomes a plain int in the combined matcher (one per member and key, so
        # the matcher's de-duplication of equal matches works per member as before); ints need
        # no entry in the vocab's string store, which is saved with the pipeline.
        combined_ids: dict[tuple[int, int], int] = {}
        for k, member in enumerate(self.members):
            self._slot[id(member)] = k
            for key, patterns in member._added:
                owner = (k, member._normalize_key(key))
                combined_id = combined_ids.setdefault(owner, len(combined_ids))
                self.combined.add(combined_id, patterns)
                self._owner[combined_id] = owner
        for member in self.members:
            member._group = self

    @staticmethod
    def can_group(members: list[TokenMatcher]) -> bool:
        """Members must all run on our matcher (not spaCy's fallback) and share a vocab."""
        return bool(members) and all(m._spacy is None and m.vocab is members[0].vocab for m in members)

    def matches_of(self, member: TokenMatcher, doc: Doc) -> list[tuple[int, int, int]]:
        """``member(doc)``, from the group's pass over ``doc`` (made on the first member's call)."""
        v = view(doc)
        results = v.memo.get(self)
        if results is None:
            results = [[] for _ in self.members]
            owner = self._owner
            for match_id, start, end in self.combined.match_orths(v.orths, v.positions()):
                k, own_id = owner[match_id]
                results[k].append((own_id, start, end))
            v.memo[self] = results
        return list(results[self._slot[id(member)]])
