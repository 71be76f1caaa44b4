"""Regular-expression alternations of many words, written as a tree of their shared beginnings
("pol(?:ish|es?)"), so that the engine tries a few letters at each position of a long comment
instead of every word."""

from __future__ import annotations

import re


def alternation(words: str) -> str:
    """A regex alternation of whitespace-separated words, written as a tree of their shared
    beginnings ("pol(?:ish|es?)") so that the engine tries a few letters at each position
    instead of every word; a longer word is still preferred to its own beginning."""
    tree: dict[str, dict] = {}
    for word in words.split():
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return branches_of(tree)


def branches_of(node: dict[str, dict]) -> str:
    """The alternation below one node of the tree of words."""
    branches = [
        re.escape(char) + branches_of(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) == 1 and len(body) > 1 else f"{body}?"
