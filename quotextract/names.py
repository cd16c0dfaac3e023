"""Names in the nominative: 'Яны Легкодимовой' -> 'Яна Легкодимова', 'Минздрава' -> 'Минздрав'."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from .model import Entity
from .morph import (
    CASES,
    WORD_CACHE,
    case_of,
    fold_yo,
    gender_of,
    inflected_word,
    is_known,
    name_gender,
    parses,
)

NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
NAME_TAGS_OR_NOUN = NAME_TAGS | {"NOUN"}
INITIALS = re.compile(r"(?:[А-ЯЁA-Z]\.?-?)+")
CYRILLIC = re.compile(r"[а-яё]", re.I)
NOMN = frozenset({"nomn"})
NOMN_SING = frozenset({"nomn", "sing"})
NOMN_PLUR = frozenset({"nomn", "plur"})
NOUN_NOMN_PLUR = NOMN_PLUR | {"NOUN"}  # a tag holds one case and one number at most
NOUN_PLUR = frozenset({"NOUN", "plur"})


@lru_cache(maxsize=WORD_CACHE)
def is_initial(word: str) -> bool:
    """'К.', 'К.-Ж.' and single capitals are initials."""
    return bool(INITIALS.fullmatch(word)) and len(word.replace(".", "").replace("-", "")) <= 2


def restore_case(word: str, like: str) -> str:
    if "ё" not in like.lower():
        word = word.replace("ё", "е")
    if like[:2].isupper():
        return word.upper()
    if like[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    return word


NOMINATIVE_SHAPE = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ёва|ина|ына|ская|цкая|ко|их|ых|дзе|швили|ян)$", re.I
)


@lru_cache(maxsize=50_000)
def _person_parses(word: str) -> tuple:
    """Singular parses, names and surnames first, then nouns, in pymorphy3's order."""
    named, nouns, others = [], [], []
    for parse in parses(word):
        grammemes = parse.tag.grammemes  # one set test each, not pymorphy3's checked attributes
        if "plur" not in grammemes:
            kind = named if not grammemes.isdisjoint(NAME_TAGS) else nouns if "NOUN" in grammemes else others
            kind.append(parse)
    return (*named, *nouns, *others)


@lru_cache(maxsize=50_000)
def _person_cases(word: str) -> tuple[str | None, ...]:
    """The case of each of :func:`_person_parses`, a plain string (None for none): what the
    name code asks of them most, read from each tag once."""
    return tuple(map(case_of, _person_parses(word)))


@lru_cache(maxsize=WORD_CACHE)
def _supports(word: str, case: str) -> bool:
    cases = _person_cases(word)
    if case == "nomn" and (NOMINATIVE_SHAPE.search(word) or not any(cases)):
        return True
    return case in cases


def _indeclinable(word: str) -> bool:
    found = [p.tag.grammemes for p in parses(word)]
    return bool(found) and all("Fixd" in g for g in found if not g.isdisjoint(CASES))


FOREIGN_VOWEL_END = re.compile(  # 'Морриконе', 'Моди', 'Карузо'; not 'Петрове', 'Патрисии', 'Соханьского'
    r"(?:(?<!ов|ев|ёв|ин|ын|ск|цк)[еэ]|(?<![ийь])и|(?<!ог|ег)о)$", re.I
)


def _foreign(word: str) -> bool:
    """A surname the dictionary does not know ending in -е, -и or -о ('Морриконе', 'Моди'): foreign
    and indeclinable unless a preposition before it says otherwise (the registry's context case)."""
    return bool(FOREIGN_VOWEL_END.search(word)) and not is_known(word)


def _foreign_locative(parse, case: str | None) -> bool:
    """A locative (``case``, the parse's) of a name without a Russian surname's ending ('Буше' of
    'Буш'): a name is in the locative only after a preposition, which the registry reads;
    'Петрове' stays Петров's."""
    return case == "loct" and not NOMINATIVE_SHAPE.search(parse.normal_form)


@lru_cache(maxsize=WORD_CACHE)
def _declined(word: str) -> bool:
    """A word of a name whose form tells its case: no initial, no indeclinable or foreign word."""
    return not is_initial(word) and not _indeclinable(word) and not _foreign(word)


def _choose_case(words: list[str]) -> str:
    """The grammatical case of a name: the first word's likeliest case the others agree with."""
    content = [w for w in words if _declined(w)]
    if not content:
        return "nomn"
    for parse, case in zip(_person_parses(content[0]), _person_cases(content[0])):
        grammemes = parse.tag.grammemes
        if "inan" in grammemes or "voct" in grammemes or _foreign_locative(parse, case):
            continue  # 'Драги' is no dredge ('драга'), news call no one in the vocative ('Абаскаль')
        woman = "Name" in grammemes and "femn" in grammemes
        if case and all(_supports(w, case) or (woman and _fixed_for_women(w)) for w in content[1:]):
            return case
    return "nomn"


FIXED_FOR_WOMEN = re.compile(r"(?:[бвгджзклмнпрстфхцчшщ]|[ыи]х)$", re.I)  # 'Юлии Сырых', 'Анны Франк'


def _fixed_for_women(word: str) -> bool:
    """A surname a woman's name leaves as it is in every case: one ending in a consonant or in
    -ых, -их ('Касьян', 'Франк', 'Сырых'), where a man's would decline."""
    return bool(FIXED_FOR_WOMEN.search(word))


@lru_cache(maxsize=WORD_CACHE)
def _to_nominative(word: str, case: str, gender: str | None) -> str:
    if case == "nomn" or is_initial(word) or not CYRILLIC.search(word):
        return word
    options = [p for p in _person_parses(word) if case in p.tag.grammemes]
    if gender:
        options = [
            p for p in options if gender_of(p) in (gender, None) or "ms-f" in p.tag.grammemes
        ] or options
    for parse in options:
        inflected = inflected_word(parse, NOMN_SING) or inflected_word(parse, NOMN)
        if inflected:
            return restore_case(inflected, word)
    return word


def _gender(words: list[str], case: str) -> str | None:
    """The gender of the first word that is a first name in ``case``."""
    for word in words:
        found = name_gender(word, case)
        if found:
            return found
    return None


@lru_cache(maxsize=50_000)
def person_nominative(name: str, case: str | None = None) -> str:
    """A person's name in the nominative, keeping initials and foreign words.

    ``case`` is the case the context demands ('шерифа … Эда Гонзалеса' is genitive): foreign
    words the dictionary cannot inflect in it lose the regular ending of that case.
    """
    words = name.split()
    if case == "nomn":  # the context says so: 'Автор первого гола Малком'
        return _name_order(" ".join(words))
    if case is None:
        case = _choose_case(words)
        gender = _gender(words, case)
        return _name_order(" ".join([_chosen_case_to_nominative(w, case, gender) for w in words]))
    gender = _gender(words, case)
    return _name_order(" ".join([_in_case_to_nominative(w, case, gender) for w in words]))


def _chosen_case_to_nominative(word: str, case: str, gender: str | None) -> str:
    """A word of a name whose case its first name gave: as the dictionary inflects it, or, when it
    has no reading in that case ('Сомова', read only as a short adjective), as the context's case
    is read ('Петра Сомова' -> 'Петр Сомов')."""
    if case == "nomn" or case in _person_cases(word):
        return _to_nominative(word, case, gender)
    return _in_case_to_nominative(word, case, gender)


CASE_ENDINGS = {  # regular endings of masculine foreign names: 'Паноса' -> 'Панос'
    "gent": (("я", "й"), ("а", "")),
    "accs": (("я", "й"), ("а", "")),
    "datv": (("ю", "й"), ("у", "")),
    "ablt": (("ем", "й"), ("ом", "")),
    "loct": (("е", ""),),
}


@lru_cache(maxsize=WORD_CACHE)
def can_stand_in(word: str, case: str) -> bool:
    """Whether a name's word can be in ``case``: the dictionary says so, or it has a regular
    ending of that case ('Браунштайнера' is no instrumental)."""
    if case in _person_cases(word):
        return True
    if word.lower().endswith(("ая", "яя")):
        return False  # 'Липницкая' is a feminine nominative, no genitive of a foreign 'Липницкай'
    return any(word.lower().endswith(ending) for ending, _ in CASE_ENDINGS.get(case, ()) if ending)


@lru_cache(maxsize=WORD_CACHE)
def _in_case_to_nominative(word: str, case: str, gender: str | None) -> str:
    if is_initial(word) or not CYRILLIC.search(word):
        return word
    if _foreign(word) and (case != "loct" or not word.lower().endswith(("е", "э"))):
        return word  # 'Марку Рютте', 'Нарендры Моди': -е ends no other case than 'о Нуньесе'
    if any(p.tag.case == case and not p.tag.grammemes.isdisjoint(NAME_TAGS) for p in _person_parses(word)):
        return _to_nominative(word, case, gender)
    if gender == "femn":
        return _to_nominative(word, case, gender)
    noun = _noun_nominative(word, case)
    if noun:
        return noun
    for ending, replacement in CASE_ENDINGS.get(case, ()):
        if word.lower().endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: len(word) - len(ending)]
            if replacement == "й" and stem[-1:].lower() not in VOWELS:
                replacement = "ь"  # 'Андрея' -> 'Андрей', but 'Цзюня' -> 'Цзюнь'
            return stem + replacement
    return word


VOWELS = frozenset("аеёиоуыэюя")


def _noun_nominative(word: str, case: str) -> str | None:
    """A surname the dictionary knows as a masculine noun, in the nominative with its fleeting
    vowel ('Локтя' -> 'Локоть'); none from a guess by analogy ('Шольца' is no 'шолец')."""
    if not is_known(word):
        return None
    noun = next(
        (p for p in parses(word) if "NOUN" in p.tag and p.tag.case == case and p.tag.number == "sing"), None
    )
    inflected = inflected_word(noun, NOMN_SING) if noun is not None and "masc" in noun.tag else None
    return restore_case(inflected, word) if inflected else None


def _name_order(name: str) -> str:
    """'Сурков Владислав Юрьевич' -> 'Владислав Юрьевич Сурков': surname last, as the news write it."""
    words = name.split()
    if (
        len(words) == 3
        and _tagged(words[1], "Name")
        and _tagged(words[2], "Patr")
        and not _tagged(words[0], "Name")
    ):
        return " ".join([words[1], words[2], words[0]])
    return name


@lru_cache(maxsize=WORD_CACHE)
def _tagged(word: str, tag: str) -> bool:
    return any(tag in p.tag for p in parses(word)[:3])


@lru_cache(maxsize=50_000)
def org_nominative(name: str) -> str:
    """An organisation's name with its head phrase in the nominative: 'Министерство финансов'."""
    words = name.split()
    if len(words) == 1 and words[0][:1].isupper() and _plural_title(words[0]):
        return name  # «Ведомости», «Известия», «Новости» (titles: capitalised; 'министерства' is a genitive)
    first = parses(words[0])[0] if len(words) == 1 else None
    if first is not None and NOUN_PLUR <= first.tag.grammemes and "nomn" not in first.tag.grammemes:
        inflected = inflected_word(first, NOMN_PLUR)  # «Известиям» -> «Известия»
        if inflected and _plural_title(inflected):
            return restore_case(inflected, words[0])
    for index, word in enumerate(words):
        found, noun = _singular_readings(word)
        if noun is None or _adjective_before_noun(found, words[index + 1 : index + 2]):
            continue  # 'полицейского управления': an adjective here, not the noun 'полицейский'
        case = case_of(noun)
        if case == "nomn":
            return name
        head = [_inflect_adjective(w, case, gender_of(noun)) for w in words[:index]] + [
            _inflect_parse(noun, word)
        ]
        return " ".join(head + words[index + 1 :])
    return name


@lru_cache(maxsize=WORD_CACHE)
def _singular_readings(word: str) -> tuple[tuple, object]:
    """A word's singular parses and the first of them that is a noun's (None for none)."""
    found = tuple([p for p in parses(word) if "plur" not in p.tag.grammemes])
    return found, next((p for p in found if "NOUN" in p.tag.grammemes), None)


RARE_READING = (
    0.1  # of a word's weight in pymorphy3's scores: too little to read it so ('главой' as 'главый')
)


def _adjective_before_noun(found, following: list[str]) -> bool:
    """Whether a word read as a noun can be an adjective agreeing with the noun after it
    ('полицейского управления'), unless the dictionary gives that reading little weight."""
    if not following:
        return False  # no noun after it to agree with
    adjectives = [p for p in found if "ADJF" in p.tag.grammemes]
    if sum(p.score for p in adjectives) < RARE_READING:
        return False
    cases = {case_of(p) for p in adjectives}
    return any(
        "NOUN" in p.tag.grammemes and case_of(p) in cases
        for p in parses(following[0])
        if "plur" not in p.tag.grammemes  # singular or of no number
    )


@lru_cache(maxsize=WORD_CACHE)
def _plural_title(word: str) -> bool:
    """A dictionary word that is already a plural nominative ('Ведомости'): a title, not a case form."""
    return is_known(word) and any(NOUN_NOMN_PLUR <= p.tag.grammemes for p in parses(word))


def _inflect_adjective(word: str, case: str, gender: str | None) -> str:
    options = [p for p in parses(word) if case_of(p) == case and "plur" not in p.tag.grammemes]
    options = [p for p in options if gender_of(p) == gender] or options
    if not options:
        return word
    inflected = inflected_word(options[0], frozenset({"nomn", gender}) if gender else NOMN) or inflected_word(
        options[0], NOMN
    )
    return restore_case(inflected, word) if inflected else word


def _inflect_parse(parse, word: str) -> str:
    inflected = inflected_word(parse, NOMN)
    return restore_case(inflected, word) if inflected else word


@lru_cache(maxsize=100_000)
def word_keys(word: str) -> frozenset[str]:
    """Forms a name word may stand for: itself and its lemmas ('Путина' -> путина, путин)."""
    lower = fold_yo(word.lower())
    keys = {lower}
    for parse in parses(word):
        if not parse.tag.grammemes.isdisjoint(NAME_TAGS_OR_NOUN):
            keys.add(fold_yo(parse.normal_form))
    return frozenset(keys)


@lru_cache(maxsize=50_000)
def nominative(name: str, type: str) -> str:
    """The nominative of an entity name of type PER or ORG; other types unchanged."""
    clean = " ".join(name.split())
    if type == "PER":
        return person_nominative(clean)
    if type == "ORG":
        return org_nominative(clean)
    return clean


# --- name variants across an article ---------------------------------------------------

FEMININE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая|ая)$", re.I)
MASCULINE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ой|ый)$", re.I)


NAME_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*\.?(?:-[^\W\d_]+\.)?")  # 'Касым-Жомарт', 'К.-Ж.'


@lru_cache(maxsize=WORD_CACHE)
def _words(name: str) -> tuple[str, ...]:
    return tuple(NAME_WORD.findall(name))


CASE_ENDING = re.compile(r"(?:а|у|ом|ым|им|е|ой|ою|ы|ей|ую)$")


def _word_matches(short: str, full: str) -> bool:
    """The same name word: an initial, a shared lemma, or one inflected form of the other."""
    if is_initial(short):
        return full[:1].lower() == short[:1].lower()
    if word_keys(short) & word_keys(full):
        return True
    a, b = short.lower(), full.lower()
    return a != b and len(b) > 3 and a.startswith(b) and bool(CASE_ENDING.fullmatch(a[len(b) :]))


def _variant_of(short: str, full: str) -> bool:
    """Every word of ``short`` matches a distinct word of ``full`` ('Токаев' of 'Касым-Жомарт Токаев')."""
    remaining = list(_words(full))
    for word in _words(short):
        match = next((w for w in remaining if _word_matches(word, w)), None)
        if match is None:
            return False
        remaining.remove(match)
    return True


def fuller_names(entities: list[Entity]) -> dict[str, list[str]]:
    """Each PER name of the article -> its fuller variants in the article, fullest first.

    A name is compared only with the names sharing a word's first letters with each of its words
    (every way two name words match keeps them), so the work grows with the article, not its square.
    """
    names = [
        n
        for n in dict.fromkeys(e.normal for e in entities if e.type == "PER")
        if not _glued(n) and not _two_people(n)
    ]
    index: defaultdict[str, set[str]] = defaultdict(set)
    for name in names:
        for word in _words(name):
            for key in _prefixes(word):
                index[key].add(name)
    order = {name: position for position, name in enumerate(names)}
    fuller = {}
    for name in names:
        pool = None
        for word in [w for w in _words(name) if not is_initial(w)]:
            near = set().union(*[index.get(key, ()) for key in _prefixes(word)])
            pool = near if pool is None else pool & near
        size = _fullness(name)
        fuller[name] = sorted(
            [
                other
                for other in (names if pool is None else sorted(pool, key=order.__getitem__))
                if _fullness(other) > size and _variant_of(name, other)
            ],
            key=_fullest_first,
        )
    written = {w.lower() for e in entities if e.type == "PER" for w in _words(e.text)}
    respelt, oblique = _first_spellings(names), _oblique_forms(names, written)

    forms = {}  # each name's first spelling, in the nominative the article gives
    for name in names:
        first = respelt.get(name, name)
        forms[name] = oblique.get(first, first)
    for name in names:
        form = forms[name]
        variants = fuller[form] or [form] if form != name else fuller[name]
        fuller[name] = list(dict.fromkeys([forms.get(v, v) for v in variants]))
    return fuller


def _oblique_forms(names: list[str], written: set[str]) -> dict[str, str]:
    """A name left in an oblique case -> the same name in the nominative the article also gives:
    each word the same or the nominative's with one case ending, one of them as the article writes
    it somewhere (lowercase ``written``): 'Лэнса Армстронга' -> 'Лэнс Армстронг' after 'Армстронг
    заявил', a foreign name the dictionary cannot put in the nominative. Names of two words or
    more; not a woman's name of a man's stem ('Александра Иванова' is no 'Александр Иванов')."""
    groups: dict[tuple[int, str], list[str]] = {}
    for name in names:
        words = _words(name)
        if len(words) > 1:
            groups.setdefault((len(words), words[0][:OBLIQUE_STEM].lower()), []).append(name)
    found = {}
    for group in groups.values():
        for name in group:
            nominative = next((other for other in group if _oblique_of(name, other, written)), None)
            if nominative is not None:
                found[name] = nominative
    return found


OBLIQUE_STEM = 3  # letters of a first word its oblique forms keep ('Лэнс', 'Лэнса')


def _oblique_of(name: str, nominative: str, written: set[str]) -> bool:
    pairs = list(zip(_words(name), _words(nominative)))
    differing = [(word, stem) for word, stem in pairs if word != stem]
    if not differing or not all(_ending_added(word, stem) for word, stem in differing):
        return False
    endings = {word[len(stem) :].lower() for word, stem in differing}
    return (
        len(endings) == 1  # 'Лэнса Армстронга' of 'Лэнс Армстронг' after 'Армстронг заявил'
        and any(stem.lower() in written for _, stem in differing)
        and not (name_gender(pairs[0][0], "nomn") == "femn" and name_gender(pairs[0][1], "nomn") == "masc")
    )


def _ending_added(word: str, stem: str) -> bool:
    """The same word, or ``stem`` with a case ending ('Армстронга' of 'Армстронг')."""
    a, b = word.lower(), stem.lower()
    return a == b or (len(b) >= OBLIQUE_STEM and a.startswith(b) and bool(CASE_ENDING.fullmatch(a[len(b) :])))


GLUED_MIN = 3  # letters of a word glued to another word of the same name


@lru_cache(maxsize=WORD_CACHE)
def _glued(name: str) -> bool:
    """A name scraped with two of its words run together ('Джеральд Форджеральд Форд': a caption
    'Джеральд Форд' glued to the text): no fuller variant of anyone."""
    words = [w.lower() for w in _words(name)]
    return any(
        len(word) >= len(other) + GLUED_MIN and word.endswith(other)
        for word in words[1:-1]
        for other in (words[0], words[-1])
        if len(other) >= GLUED_MIN
    )


@lru_cache(maxsize=WORD_CACHE)
def _two_people(name: str) -> bool:
    """Two names NER ran together, a caption's 'Рафаэль Корреа Эдвард Сноуден': a first name
    after a word that is none, past the name's first two words. No fuller variant of anyone."""
    words = _words(name)
    return len(words) > 3 and any(
        _first_name(word) and not _first_name(before) for before, word in zip(words[1:-1], words[2:-1])
    )


@lru_cache(maxsize=WORD_CACHE)
def _first_name(word: str) -> bool:
    """A first name the dictionary knows, read first as one ('Эдвард'; not a guess like 'Корреа')."""
    found = parses(word)
    return bool(found) and "Name" in found[0].tag and is_known(word)


def _first_spellings(names: list[str]) -> dict[str, str]:
    """A name spelt anew -> its first spelling ('Эд Гонсалес' after 'Эд Гонзалес')."""
    first_spelling: dict[tuple[str, ...], str] = {}
    found = {}
    for name in names:
        keys = _respelling_keys(name)
        first = _first_found(first_spelling, keys)
        if first is not None:
            found[name] = first
        for key in keys:
            if key not in first_spelling:
                first_spelling[key] = first or name
    return found


def _first_found(found: dict, keys) -> str | None:
    """The value of the first of ``keys`` that ``found`` holds, None for none."""
    for key in keys:
        if key in found:
            return found[key]
    return None


@lru_cache(maxsize=WORD_CACHE)
def _fullness(name: str) -> tuple[int, int]:
    """Words, then words spelt out: 'Марио Драги' is fuller than 'М.Драги', which is fuller than 'Драги'."""
    words = _words(name)
    return len(words), sum(not is_initial(w) for w in words)


def _fullest_first(name: str) -> tuple[int, int]:
    words, spelt = _fullness(name)
    return -words, -spelt


RESPELLING_MIN = 6  # letters of a word whose one-letter respelling is the same name


@lru_cache(maxsize=WORD_CACHE)
def _respelling_keys(name: str) -> tuple[tuple[str, ...], ...]:
    """The name with one letter inside one word masked: two names sharing a key are one name
    spelt two ways ('Гонсалес', 'Гонзалес'), the ending kept (so 'Петрова' is not 'Петрову')."""
    words = [w.lower() for w in _words(name)]
    if len(words) < 2:
        return ()
    return tuple(
        [
            (*words[:i], word[:j] + "*" + word[j + 1 :], *words[i + 1 :])
            for i, word in enumerate(words)
            if len(word) >= RESPELLING_MIN
            for j in range(len(word) - 2)
        ]
    )


PREFIX = 3  # letters two forms of one name word share ('Льва' and 'Лев' through the lemma 'лев')


@lru_cache(maxsize=WORD_CACHE)
def _prefixes(word: str) -> frozenset[str]:
    return frozenset(key[:PREFIX] for key in word_keys(word) | {fold_yo(word.lower())})


@lru_cache(maxsize=50_000)
def gender(name: str) -> str | None:
    """'masc' or 'femn' from a first name, else from a Russian surname ending; None when unknown
    ('Меркель', 'Вормут')."""
    words = _words(name)
    for index, word in enumerate(words):
        if name_gender(word, "nomn") and (index < len(words) - 1 or is_known(word)):
            return name_gender(word, "nomn")  # not a surname the dictionary guesses a name of ('Батшуайи')
    last = words[-1] if words else ""
    if FEMININE_SURNAME.search(last):
        return "femn"
    return "masc" if MASCULINE_SURNAME.search(last) else None
