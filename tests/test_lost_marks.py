"""Patterns of scraped text where quote marks or dashes were lost or mangled. (text, quote, speaker, kind, rule)."""

import pandas as pd
import pytest

import quotextract

D, I = "direct", "indirect"

CASES = [
    # an announcing word before the colon ('словами:') introduces speech however long the intro
    ("Старый тренер Олег Ветров, который давно живёт за городом, отшучивается словами: В моём возрасте "
     "пора думать о рыбалке.", "В моём возрасте пора думать о рыбалке", "Олег Ветров", "direct", "colon_speech"),
    # guillemets with spaces inside, scraped to straight marks: the marks still pair
    ('Заместитель министра Олег Сидоров: " Мы поддерживаем это решение ". Министр промолчал.',
     "Мы поддерживаем это решение", "Олег Сидоров", "direct", "colon_quote"),
    ('Об этом рассказал министр Иван Петров: " Мы готовы к новым переговорам "\nСроки не изменятся.',
     "Мы готовы к новым переговорам", "Иван Петров", "direct", "colon_quote"),
    # COLON WITHOUT MARKS
    ("Песков сказал: Мы готовы к диалогу.", "Мы готовы к диалогу", "Песков", D, "colon_speech"),
    (
        "Министр финансов Антон Силуанов сообщил:\n\nБюджет исполняется с профицитом. Доходы растут.",
        "Бюджет исполняется с профицитом. Доходы растут",
        "Антон Силуанов",
        D,
        "colon_speech",
    ),
    # DASH WITHOUT MARKS
    ("Мы готовы к диалогу, — заявил Сергей Лавров.", "Мы готовы к диалогу", "Сергей Лавров", D, "postposed"),
    ("Мы готовы к диалогу, - заявил Сергей Лавров.", "Мы готовы к диалогу", "Сергей Лавров", D, "postposed"),
    (
        "Министр выступил в Думе. Мы не планируем повышать налоги. Наш бюджет сбалансирован, — заявил министр финансов Антон Силуанов.",
        "Мы не планируем повышать налоги. Наш бюджет сбалансирован",
        "Антон Силуанов",
        D,
        "postposed",
    ),
    ("-Мы готовы,- сказал Песков.", "Мы готовы", "Песков", D, "dash_dialogue"),
    # LOST OPENING MARK
    (
        "Президент выступил на форуме. «Сколково» должен стать брендом. Это будет «стреляющий» бренд», — подчеркнул Дмитрий Медведев.",
        "«Сколково» должен стать брендом. Это будет «стреляющий» бренд",
        "Дмитрий Медведев",
        D,
        "quote_then_cue",
    ),
    # INSTITUTIONS
    ("В Кремле заявили, что не видят угрозы.", "не видят угрозы", "Кремль", I, "reported_that"),
    (
        "Решение суда обжалуют, сообщили в пресс-службе Минздрава.",
        "Решение суда обжалуют",
        "Минздрав",
        I,
        "postposed",
    ),
    # DOCUMENTS AS SOURCES
    (
        "Как говорится в заявлении МИД России, Москва готова к диалогу.",
        "Москва готова к диалогу",
        "МИД России",  # the country NER split off stays in the name
        I,
        "according_to",
    ),
    (
        "Со слов очевидцев, взрыв прогремел около полудня.",
        "взрыв прогремел около полудня",
        None,
        I,
        "according_to",
    ),
    (
        "В пресс-службе «Аэрофлота» РБК сообщили, что рейсы выполняются по расписанию.",
        "рейсы выполняются по расписанию",
        "Аэрофлот",
        I,
        "reported_that",
    ),
    (
        "Аналитики Sberbank CIB ожидают, что ставка снизится до 14%.",
        "ставка снизится до 14%",
        "Sberbank CIB",
        I,
        "reported_that",
    ),
    ("Ранее СМИ сообщали, что сделка сорвалась.", "сделка сорвалась", None, I, "reported_that"),
    # SOURCES WITH APPOSITIONS
    (
        "Как сообщил источник, близкий к правительству, Минфин поддерживает позицию ЦБ.",
        "Минфин поддерживает позицию ЦБ",
        None,
        I,
        "as_cue",
    ),
    # HEADLINE WITH A SURNAME NER MISSES
    (
        "Путин: Россия не собирается ни на кого нападать\n\nВладимир Путин выступил на форуме.",
        "Россия не собирается ни на кого нападать",
        "Владимир Путин",
        D,
        "interview",
    ),
    # COORDINATED SUBJECTS: THE FIRST NAMED
    (
        "Генсек НАТО Андерс Фог Расмуссен и командующий силами альянса Филип Бридлав заявили, что альянс готов.",
        "альянс готов",
        "Андерс Фог Расмуссен",
        I,
        "reported_that",
    ),
    # NAME VARIANTS AND OFFICES
    (
        "Встречу провел замглавы МИД Григорий Карасин. «Форматы уже все есть», — цитирует РБК Карасина.",
        "Форматы уже все есть",
        "Григорий Карасин",
        D,
        "quote_then_cue",
    ),
    (
        "Премьер-министр России Владимир Путин встретился с Сильвио Берлускони. «Отлично», — заключил глава российского правительства.",
        "Отлично",
        "Владимир Путин",
        D,
        "quote_then_cue",
    ),
    (
        "Вопрос обсуждался на встрече, сказал в интервью агентству лидер Меджлиса, народный депутат Украины Мустафа Джемилев.",
        "Вопрос обсуждался на встрече",
        "Мустафа Джемилев",
        I,
        "postposed",
    ),
    (
        "Анна Иванова и Сергей Иванов провели встречу. Иванова добавила, что подписан меморандум.",
        "подписан меморандум",
        "Анна Иванова",
        I,
        "reported_that",
    ),
    (
        "Анна Иванова и Сергей Иванов провели встречу. Иванов заявил, что переговоры прошли успешно.",
        "переговоры прошли успешно",
        "Сергей Иванов",
        I,
        "reported_that",
    ),
    ("Заявление Пескова: «Мы готовы к переговорам».", "Мы готовы к переговорам", "Песков", D, "colon_quote"),
    (
        "Песков: «Путин не планирует встречу с Зеленским».",
        "Путин не планирует встречу с Зеленским",
        "Песков",
        D,
        "interview",
    ),
    # THE ARTICLE'S OWN VOICE IS NOT A SOURCE
    ("Напомним, что законопроект был принят в феврале.", None, None, None, None),
    ("Следует отметить, что рынок вырос на 5%.", None, None, None, None),
    ("Судья, по мнению которого иск необоснован, отклонил его.", None, None, None, None),
    ("Не исключено, что встреча состоится в июне.", None, None, None, None),
]


@pytest.mark.parametrize("text, quote, speaker, kind, rule", CASES, ids=[c[0][:40] for c in CASES])
def test_lost_marks(text, quote, speaker, kind, rule):
    frame = quotextract.extract(text)
    if quote is None:
        assert frame.empty, list(frame["quote"])
        return
    assert len(frame) == 1, list(frame["quote"])
    row = frame.iloc[0]
    assert row["quote"].rstrip(".") == quote
    assert pd.isna(row["speaker"]) if speaker is None else row["speaker"] == speaker
    assert row["kind"] == kind and row["rule"] == rule


LISTS = [
    "Среди мер поддержки:\n- повышение пенсий на 7%;\n- индексация зарплат бюджетникам;\n- снижение ставки по ипотеке.",
    "Главное за день:\n— Путин провел совещание с членами Совбеза\n— ЦБ сохранил ключевую ставку",
    "Программа форума:\n— 10:00 Открытие\n— 12:00 Пленарное заседание",
    "Он сказал:\n\nЧитайте также: новости экономики",
    "Фото: РИА Новости\n\nИсточник: ТАСС",
]


@pytest.mark.parametrize("text", LISTS, ids=["bullets", "digest", "programme", "read-also", "credits"])
def test_dashed_lists_and_credits_are_not_quotations(text):
    assert quotextract.extract(text).empty


def test_dash_lines_after_a_colon_introduction_belong_to_its_speaker():
    text = "Эльвира Набиуллина заявила:\n\n— Инфляция замедляется.\n\n— Но риски остаются высокими."
    frame = quotextract.extract(text)
    assert list(frame["quote"].str.rstrip(".")) == ["Инфляция замедляется", "Но риски остаются высокими"]
    assert set(frame["speaker"]) == {"Эльвира Набиуллина"}
    assert set(frame["cue"]) == {"заявить"}


INTERVIEW = (
    "Глава Минфина Антон Силуанов в интервью «Ведомостям» рассказал о планах правительства.\n\n"
    "— Антон Германович, будут ли повышаться налоги?\n\n"
    "— Нет, мы не планируем повышать налоги в ближайшие три года. Это принципиальная позиция.\n\n"
    "— А как же дефицит бюджета?\n\n"
    "— Дефицит будет покрыт за счет заимствований. Мы видим спрос на ОФЗ."
)


def test_interview_answers_belong_to_the_interviewee_and_questions_to_nobody():
    frame = quotextract.extract(INTERVIEW)
    questions = frame[frame["quote"].str.endswith("?")]
    answers = frame[~frame["quote"].str.endswith("?")]
    assert len(questions) == 2 and questions["speaker"].isna().all()
    assert len(answers) == 2 and set(answers["speaker"]) == {"Антон Силуанов"}


def test_interview_label_keeps_inner_quote_marks():
    frame = quotextract.extract("Владимир Потанин: «Мы не будем продавать «Норникель»»")
    assert list(frame["quote"]) == ["Мы не будем продавать «Норникель»"]
    assert list(frame["speaker"]) == ["Владимир Потанин"]


MULTI_PARAGRAPH_MARKS = [
    (
        "Песков заявил: «Мы готовы к переговорам. Условия известны.\n\n«Но Запад должен сделать шаг навстречу.\n\nИначе диалога не будет».",
        [
            "Мы готовы к переговорам. Условия известны",
            "Но Запад должен сделать шаг навстречу",
            "Иначе диалога не будет",
        ],
    ),
    (
        "«Первый абзац речи идет здесь.\n\n«Второй абзац речи идет здесь.\n\n«Третий абзац речи, — заявил Песков, — идет здесь».",
        ["Первый абзац речи идет здесь", "Второй абзац речи идет здесь", "Третий абзац речи", "идет здесь"],
    ),
]


@pytest.mark.parametrize("text, quotes", MULTI_PARAGRAPH_MARKS, ids=["colon-first", "attribution-last"])
def test_quotation_in_marks_over_several_paragraphs_keeps_one_speaker(text, quotes):
    frame = quotextract.extract(text)
    assert list(frame["quote"].str.rstrip(".")) == quotes
    assert set(frame["speaker"]) == {"Песков"}


@pytest.mark.parametrize(
    "newline", ["\n", "\r\n", "\r", "\u2028"], ids=["lf", "crlf", "cr", "line-separator"]
)
def test_every_kind_of_line_break_is_a_boundary(newline):
    text = newline.join(["Главная", "Новости", "", "— Мы готовы, — сказал Песков.", "Читайте также"])
    frame = quotextract.extract(text)
    assert list(frame["quote"]) == ["Мы готовы"]
    assert text[frame["quote_start"][0] : frame["quote_end"][0]] == "Мы готовы"
    assert list(frame["speaker"]) == ["Песков"]


ENTITIES = [
    "&laquo;Мы готовы к переговорам&raquo;, &mdash; заявил Дмитрий&nbsp;Песков.",
    "&quot;Мы готовы к переговорам&quot;, - заявил Дмитрий Песков.",
    "&#171;Мы готовы к переговорам&#187;, &#8212; заявил Дмитрий Песков.",
]


@pytest.mark.parametrize("text", ENTITIES, ids=["named", "quot", "numeric"])
def test_html_entities_left_by_scrapers_work_as_their_characters(text):
    frame = quotextract.extract(text)
    assert list(frame["quote"]) == ["Мы готовы к переговорам"]
    assert list(frame["speaker"]) == ["Дмитрий Песков"]
    row = frame.iloc[0]
    assert text[row["quote_start"] : row["quote_end"]] == "Мы готовы к переговорам"
