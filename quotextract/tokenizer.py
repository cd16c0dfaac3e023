"""razdel's word tokens, fast: each whitespace-free run is split once by razdel and cached.

razdel decides every join between two adjacent atoms from the atoms around them; only its
2112 rules (``cho-|to``, ``3|.|14``, ``1|/|2``, ``a|_|b``) look one atom past a space, and only
by that atom's type. So the tokens of a run are fixed by the run itself and, when it begins or
ends with one of those delimiters, by the type of the atom across the space: that is the key.
"""

from __future__ import annotations

import re

from razdel import tokenize as razdel_tokenize
from razdel.segmenters.tokenize import ATOM, DASHES, PUNCTS

RUN = re.compile(r"\S+")
DELIMITERS = frozenset("‑–—−-_.,/\\")  # the delimiters of razdel's dash, underscore, float, fraction rules
STAND_INS = {"RU": "я", "LAT": "z", "INT": "1", "PUNCT": "#", "OTHER": "§"}  # one atom of each type
CACHE_SIZE = 200_000  # runs remembered; the cache is emptied when full, so memory stays flat
LONG_RUN = 40  # characters: longer runs are split, not remembered
_MARK = "[" + re.escape("".join(c for c in PUNCTS if c not in DASHES + "_")) + "]"
# A word (not a number) with at most one mark either side (no dash or underscore): razdel joins
# none of its atoms.
PLAIN = re.compile(rf"({_MARK}?)(?:[а-яё]+|[a-z]+)({_MARK}?)", re.I)

Pieces = tuple[tuple[int, int], ...]  # (start, stop) of each token, relative to its run
_pieces: dict[tuple[str | None, str, str | None], Pieces] = {}


def _type(char: str) -> str:
    return ATOM.match(char).lastgroup


def _split(left: str | None, run: str, right: str | None) -> Pieces:
    """Tokens of ``run`` between an atom of type ``left`` and one of type ``right`` (None: none)."""
    plain = PLAIN.fullmatch(run) if run[-1] != "!" else None  # 'Yahoo!' is razdel's one exception
    if plain:
        before, after = len(plain.group(1)), len(run) - len(plain.group(2))
        return ((0, 1),) * before + ((before, after),) + ((after, len(run)),) * (after < len(run))
    prefix = STAND_INS[left] + " " if left else ""
    text = prefix + run + (" " + STAND_INS[right] if right else "")
    start, stop = len(prefix), len(prefix) + len(run)
    return tuple(
        (token.start - start, token.stop - start)
        for token in razdel_tokenize(text)
        if start <= token.start and token.stop <= stop
    )


def pieces_of(runs: list[str], index: int) -> Pieces:
    """The tokens of ``runs[index]`` (the whitespace-free runs of a text, ``str.split()``), from
    the cache: a run that begins or ends with a delimiter is keyed by the atom across the space."""
    run = runs[index]
    left = _type(runs[index - 1][-1]) if index and run[0] in DELIMITERS else None
    right = _type(runs[index + 1][0]) if index < len(runs) - 1 and run[-1] in DELIMITERS else None
    key = (left, run, right)
    pieces = _pieces.get(key)
    if pieces is None:
        pieces = _split(left, run, right)
        if len(run) <= LONG_RUN:
            if len(_pieces) >= CACHE_SIZE:
                _pieces.clear()
            _pieces[key] = pieces
    return pieces


def run_starts(text: str) -> list[int]:
    """Where each run of ``text.split()`` starts (regex ``\\s`` and ``str.split`` agree on spaces)."""
    return [match.start() for match in RUN.finditer(text)]


def run_pieces(text: str) -> list[tuple[int, str, Pieces]]:
    """The runs of ``text`` as ``(start, run, pieces)``: the tokens of each run, from the cache."""
    runs = text.split()
    return [(start, run, pieces_of(runs, index)) for index, (start, run) in enumerate(zip(run_starts(text), runs))]


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """razdel's tokens of ``text`` as ``(start, stop, text)``: the same tokens, several times faster."""
    return [
        (start + low, start + high, run[low:high])
        for start, run, pieces in run_pieces(text)
        for low, high in pieces
    ]
