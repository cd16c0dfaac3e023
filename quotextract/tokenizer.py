"""razdel's word tokens, fast: each whitespace-free run is split once, by razdel's rules, and cached.

razdel decides every join between two adjacent atoms from the atoms around them; only its
2112 rules (``cho-|to``, ``3|.|14``, ``1|/|2``, ``a|_|b``) look one atom past a space, and only
by that atom's type. So the tokens of a run are fixed by the run itself and, when it begins or
ends with one of those delimiters, by the type of the atom across the space: that is the key.
A run is split by a regex where its form makes every mark a token of its own, else by razdel's
rules over its atoms (``_joins``: razdel's ``TokenSegmenter`` without its records).
"""

from __future__ import annotations

import re
from functools import lru_cache

from razdel.segmenters.punct import BRACKETS, ENDINGS
from razdel.segmenters.punct import QUOTES as RAZDEL_QUOTES
from razdel.segmenters.tokenize import ATOM, DASHES, INT, OTHER, PUNCT, PUNCTS, SMILE

RUN = re.compile(r"\S+")
DELIMITERS = frozenset("‑–—−-_.,/\\")  # the delimiters of razdel's dash, underscore, float, fraction rules
STAND_INS = {"RU": "я", "LAT": "z", "INT": "1", "PUNCT": "#", "OTHER": "§"}  # one atom of each type
# razdel's 2112 rules: the delimiter, and whether the atoms either side of it need to be numbers
# (dash and underscore: neither may be a mark; float and fraction: both must be numbers)
RULES_2112 = (
    (frozenset(DASHES), False),
    (frozenset("_"), False),
    (frozenset(".,"), True),
    (frozenset("/\\"), True),
)
LETTERS_OR_OTHER = frozenset(("RU", "LAT", OTHER))
CACHE_SIZE = 200_000  # runs remembered; the cache is emptied when full, so memory stays flat
LONG_RUN = 40  # characters: longer runs are split, not remembered
_MARK = "[" + re.escape("".join(c for c in PUNCTS if c not in DASHES + "_")) + "]"
_BOUND = "[" + re.escape(RAZDEL_QUOTES + BRACKETS) + "]"  # quote marks and brackets
_SAFE = "[" + re.escape(RAZDEL_QUOTES + BRACKETS + ",") + "]"  # razdel joins no two of these
_END = "[" + re.escape(ENDINGS) + "]"  # razdel joins two of these ('?!', '...'), so no two in a row
_TAIL = rf"(?:{_SAFE}|{_END}(?!{_END}))*"
# A word with one mark either side (no dash or underscore), or with quote marks, brackets and
# commas before it and those and sentence ends after it, no two ends in a row; a number only with
# quote marks and brackets next to it ('.', ',' by a number depend on what follows the space).
# razdel joins none of their atoms, so every mark is a token of its own.
PLAIN = re.compile(rf"({_MARK}?|{_SAFE}*)([а-яё]+|[a-z]+)({_MARK}?|{_TAIL})", re.I)
PLAIN_NUMBER = re.compile(rf"((?:{_SAFE}*{_BOUND})?)(\d+)((?:{_BOUND}{_TAIL})?)")

Pieces = tuple[tuple[int, int], ...]  # (start, stop) of each token, relative to its run
Key = tuple[str | None, str, str | None]  # (type of the atom before, run, type of the atom after)
_pieces: dict[Key, Pieces] = {}


@lru_cache(maxsize=4096)
def _type(char: str) -> str:
    return ATOM.match(char).lastgroup


def split(left: str | None, run: str, right: str | None) -> Pieces:
    """Tokens of ``run`` between an atom of type ``left`` and one of type ``right`` (None: none)."""
    return plain(run) or split_by_rules(left, run, right)


def plain(run: str) -> Pieces | None:
    """The tokens of ``run`` if a regex tells them (they then depend on the run alone), else None."""
    if "!" in run and "yahoo!" in run.lower():  # razdel's one exception
        return None
    match = PLAIN.fullmatch(run) or PLAIN_NUMBER.fullmatch(run)
    return _plain(*match.span(2), len(run)) if match else None


def tokens_of(runs: list[str], index: int) -> tuple[str | Key, Pieces]:
    """The tokens of ``runs[index]`` and what they depend on: the run alone, or its key."""
    run = runs[index]
    pieces = plain(run)
    if pieces is not None:
        return run, pieces
    if len(run) == 1 or (run[0] not in DELIMITERS and run[-1] not in DELIMITERS):
        return run, split_by_rules(None, run, None)
    key = run_key(runs, index)
    return key, split_by_rules(*key)


def split_by_rules(left: str | None, run: str, right: str | None) -> Pieces:
    """``split`` by razdel's rules, atom by atom, as razdel's ``TokenSegmenter`` joins them."""
    atoms = list(ATOM.finditer(run))
    types = [left, *[atom.lastgroup for atom in atoms], right]  # types[i + 1]: atom i's
    texts = [atom.group() for atom in atoms]
    pieces, first, buffer = [], 0, texts[0]
    for index in range(1, len(atoms)):
        if _joins(buffer, texts[index - 1], texts[index], types[index - 1 : index + 3]):
            buffer += texts[index]
        else:
            pieces.append((atoms[first].start(), atoms[index - 1].end()))
            first, buffer = index, texts[index]
    pieces.append((atoms[first].start(), len(run)))
    return tuple(pieces)


def _joins(buffer: str, before: str, after: str, types: list[str | None]) -> bool:
    """Whether razdel joins the atoms ``before`` and ``after`` (no space between them) into one
    token; ``buffer`` is the token so far, ``types`` those of the atoms from two before to two after."""
    left_2, left_1, right_1, right_2 = types
    for delimiters, numbers in RULES_2112:
        if before in delimiters:
            left, right = left_2, right_1
        elif after in delimiters:
            left, right = left_1, right_2
        else:
            continue
        if left and right and (left == right == INT if numbers else PUNCT not in (left, right)):
            return True
    if left_1 == right_1 == PUNCT and (
        SMILE.match(buffer + after)
        or (before in ENDINGS and after in ENDINGS)
        or before + after in ("--", "**")
    ):
        return True
    if (left_1 == OTHER and right_1 in LETTERS_OR_OTHER) or (left_1 in LETTERS_OR_OTHER and right_1 == OTHER):
        return True
    return before.lower() == "yahoo" and after == "!"


@lru_cache(maxsize=4096)
def _plain(before: int, after: int, size: int) -> Pieces:
    """The tokens of a plain run: one mark a token before ``before`` and from ``after`` on, and a
    word between (one tuple for all the runs of that form)."""
    return (*[(i, i + 1) for i in range(before)], (before, after), *[(i, i + 1) for i in range(after, size)])


def run_key(runs: list[str], index: int) -> Key:
    """What the tokens of ``runs[index]`` (the whitespace-free runs of a text, ``str.split()``)
    depend on: the run, and where it begins or ends with a delimiter, the atom across the space."""
    run = runs[index]
    left = _type(runs[index - 1][-1]) if index and run[0] in DELIMITERS else None
    right = _type(runs[index + 1][0]) if index < len(runs) - 1 and run[-1] in DELIMITERS else None
    return (left, run, right)


def key_pieces(key: Key) -> Pieces:
    """The tokens of the run of ``key``, from the cache."""
    pieces = _pieces.get(key)
    if pieces is None:
        pieces = split(*key)
        if len(key[1]) <= LONG_RUN:
            if len(_pieces) >= CACHE_SIZE:
                _pieces.clear()
            _pieces[key] = pieces
    return pieces


def pieces_of(runs: list[str], index: int) -> Pieces:
    """The tokens of ``runs[index]``, from the cache."""
    return key_pieces(run_key(runs, index))


def run_starts(text: str) -> list[int]:
    """Where each run of ``text.split()`` starts (regex ``\\s`` and ``str.split`` agree on spaces)."""
    return [match.start() for match in RUN.finditer(text)]


def run_pieces(text: str) -> list[tuple[int, str, Pieces]]:
    """The runs of ``text`` as ``(start, run, pieces)``: the tokens of each run, from the cache."""
    runs = text.split()
    return [
        (start, run, pieces_of(runs, index)) for index, (start, run) in enumerate(zip(run_starts(text), runs))
    ]


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """razdel's tokens of ``text`` as ``(start, stop, text)``: the same tokens, several times faster."""
    return [
        (start + low, start + high, run[low:high])
        for start, run, pieces in run_pieces(text)
        for low, high in pieces
    ]
