"""The parse-tree questions that ``extract.claims`` asks of one document's ``Analysis``: where a
character falls, how far two tokens are apart in the tree, a trigger's subject and its clause.

Built once per document (``Tree.of``), so no question re-walks the whole token list.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

from crosscheck.extract.analysis import Analysis, Token

__all__ = ["Tree"]

# dependency labels that open a clause of their own (ClearNLP for English spaCy, UD for natasha)
_CLAUSES = frozenset({"root", "ccomp", "advcl", "relcl", "acl:relcl", "parataxis", "conj",
                      "csubj", "acl", "xcomp"})  # fmt: skip
# children whose subtree is another statement, left out of a clause's evidence span
_OTHER_STATEMENTS = frozenset({"conj", "parataxis", "ccomp", "dep", "cc"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
# steps from a trigger up to the verb whose subject is the victim ("shot *dead*", "*fatally*")
_UP_TO_SUBJECT = frozenset({"conj", "xcomp", "oprd", "acomp", "advmod", "advcl", "ccomp", "dep",
                            "prep", "pcomp"})  # fmt: skip
_NOUNS = frozenset({"NOUN", "PROPN", "PRON"})
_RELATIVE = frozenset({"who", "that", "which", "который", "котрий", "що"})
_VERBAL = frozenset({"VERB", "AUX"})
_AUXILIARIES = frozenset({"aux", "auxpass", "aux:pass", "cop"})


@dataclass(frozen=True, slots=True)
class Tree:
    analysis: Analysis
    children: dict[int, list[int]]
    starts: list[int]

    @classmethod
    def of(cls, analysis: Analysis) -> Tree:
        children: dict[int, list[int]] = defaultdict(list)
        for token in analysis.tokens:
            if token.head != token.index:
                children[token.head].append(token.index)
        return cls(analysis, dict(children), [t.start for t in analysis.tokens])

    def token(self, index: int) -> Token:
        return self.analysis.tokens[index]

    def at(self, offset: int) -> Token | None:
        """The token that holds (or, in a gap, follows) character ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        tokens = self.analysis.tokens
        if i >= 0 and tokens[i].end > offset:
            return tokens[i]
        return tokens[i + 1] if i + 1 < len(tokens) else None

    def kids(self, index: int) -> list[Token]:
        return [self.analysis.tokens[k] for k in self.children.get(index, ())]

    def ancestors(self, index: int) -> list[int]:
        """``index`` and its heads up to the root (a cycle-safe walk)."""
        path = [index]
        while (head := self.analysis.tokens[path[-1]].head) not in path:
            path.append(head)
        return path

    def distance(self, a: int, b: int) -> int:
        """Edges between two tokens in the tree; large when they share no root."""
        up_a, up_b = self.ancestors(a), self.ancestors(b)
        where = {token: n for n, token in enumerate(up_b)}
        return next((n + where[t] for n, t in enumerate(up_a) if t in where), 1000)

    def subtree(self, index: int, skip: frozenset[str] = frozenset()) -> list[int]:
        """``index`` and its dependents, leaving out those attached by a label in ``skip``."""
        found, stack = {index}, [index]
        while stack:  # a set, since natasha's parse may hold a cycle
            for kid in self.kids(stack.pop()):
                if kid.dep not in skip and kid.index not in found:
                    found.add(kid.index)
                    stack.append(kid.index)
        return sorted(found)

    def clause(self, index: int) -> list[int]:
        """The tokens of the clause that holds ``index``, without joined statements."""
        head = next((t for t in self.ancestors(index) if self._opens_clause(t)), index)
        return self.subtree(head, _OTHER_STATEMENTS)

    def verb_of(self, index: int, *, itself: bool = False) -> int | None:
        """The verb whose clause holds ``index``: its nearest verbal head (or ``index`` itself,
        when asked and verbal); None in a clause without a verb (a headline's "2 dead")."""
        path = self.ancestors(index)
        return next((i for i in path[0 if itself else 1 :] if self._verbal(i)), None)

    def _verbal(self, index: int) -> bool:
        token = self.analysis.tokens[index]
        return token.pos == "VERB" or (token.pos == "AUX" and token.dep not in _AUXILIARIES)

    def _opens_clause(self, index: int) -> bool:
        token = self.analysis.tokens[index]
        return token.head == index or (token.dep in _CLAUSES and token.pos in _VERBAL)

    def subject(self, index: int) -> Token | None:
        """Who a trigger is about: the subject of its verb, the noun it modifies ("dead man",
        "a man in critical condition"), or the noun a relative pronoun stands for ("a man who
        was killed"); a phrase hung on the verb is about its subject ("he was taken to hospital
        in critical condition", "a man is in hospital after being shot")."""
        current = self.token(index)
        for _ in range(4):
            found = next((k for k in self.kids(current.index) if k.dep in _SUBJECTS), None)
            if found is not None:
                return self._antecedent(found)
            head = self.token(current.head)
            if current.dep == "amod" or current.head == current.index:
                return head if current.dep == "amod" else None
            if current.dep == "prep" and head.pos in _NOUNS:
                return head
            if current.dep not in _UP_TO_SUBJECT:
                return None
            current = self.token(current.head)
        return None

    def has_subject(self, index: int) -> bool:
        """Whether ``index`` has a subject of its own ("the deputy *was killed*")."""
        return any(k.dep in _SUBJECTS for k in self.kids(index))

    def _antecedent(self, subject: Token) -> Token:
        clause = self.token(subject.head)
        if subject.lemma.lower() in _RELATIVE and clause.dep in ("relcl", "acl:relcl"):
            return self.token(clause.head)
        return subject

    def conjuncts(self, token: Token) -> list[Token]:
        """A token and the tokens joined to it by "and" ("John and Mary")."""
        return [
            self.token(i)
            for i in self.subtree(token.index)
            if i == token.index or self.token(i).dep == "conj" and self._joined(i, token.index)
        ]

    def _joined(self, index: int, to: int) -> bool:
        """Whether ``index`` hangs from ``to`` through "conj" links only."""
        path = self.ancestors(index)
        return to in path and all(self.token(i).dep == "conj" for i in path[: path.index(to)])
