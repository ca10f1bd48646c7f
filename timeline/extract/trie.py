"""One regex for many literal words, factored by common prefixes: Python's re tries the
branches of a plain alternation one by one at every position; a trie tries one character."""

from __future__ import annotations

import re


def trie_pattern(words, after_first: str = "") -> str:
    """A regex source matching exactly the given literal words, longest first at each place.
    `after_first` (an assertion) is put after each word's first character: a look back
    there, instead of before the pattern, leaves it opening with a class of characters,
    which a search skips to in one quick loop."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    if after_first and trie and "" not in trie:
        return "(?:" + "|".join(re.escape(ch) + after_first + _emit(child)
                                for ch, child in sorted(trie.items())) + ")"
    return _emit(trie)


def _emit(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        # the longer continuation is tried first, the word may also stop here
        return "(?:" + body + ")?"
    return body
