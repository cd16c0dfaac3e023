"""Whole invented interviews in the styles of other outlets: dash Q/A after a lead naming the
interviewee (with a photo credit inside an answer and the interviewer's byline at the end),
hyphens for dashes with CRLF and non-breaking spaces under a site menu, questions printed bold
(plain lines ending in '?') with undashed answers over paragraphs not in the first person,
'Вопрос:'/'Ответ:' readers' questions, '— Корр.:'/'— И.П.:' labels, 'Корр.:' with the
interviewee's surname as a label, a few Q/A lines inside a news report, answers under topic
headings, 'Вопрос: …?' with the answer unlabelled, dash questions answered undashed, the outlet's
labels, undashed questions calling by name someone named just before them (not an FAQ's), labels no list knows ('АиФ:', 'А.К.:'), a one-word dash answer, a readers' phone line, a link line and the article's narration inside the answers, and dash dialogue of two named people or of passers-by that is no
interview. Each expected row is (quote start, speaker, kind, rule); a
quote is matched by the start of its text; speaker None is no speaker (a question, or an
interviewee the article never names)."""

import pandas as pd
import pytest
from articles import cases, extracted_articles, row_starting
from conftest import check_contract

Q = "interview_question"

ARTICLES = {
    "interview-library-dash-lead.txt": [  # 'X рассказала в интервью «Y»', dash Q/A
        ("Марина Сергеевна, сколько читателей", None, "direct", Q),
        ("За прошлый год к нам записались", "Марина Лебедева", "direct", "dash_line"),
        ("Большая часть новых читателей", "Марина Лебедева", "direct", "quote_continued"),
        ("А зачем библиотеке кофейня?", None, "direct", Q),
        ("Людям нужно место", "Марина Лебедева", "direct", "dash_line"),
        ("Выручка кофейни идет на закупку", "Марина Лебедева", "direct", "quote_continued"),  # past a credit
        ("Какие книги спрашивают", None, "direct", Q),
        ("Как ни странно, классику", "Марина Лебедева", "direct", "dash_line"),
        ("Что дальше?", None, "direct", Q),  # a two-word question answered on the next line
        ("Хотим открыть филиал", "Марина Лебедева", "direct", "dash_line"),
    ],
    "interview-hockey-hyphens-crlf.txt": [  # '- Как …?' lines, CRLF, NBSP; no one named
        ("Сергей Викторович, как оцените", None, "direct", Q),
        ("Хорошо, но не идеально", None, "direct", "dash_line"),
        ("Кто из новичков удивил?", None, "direct", Q),
        ("Молодой защитник Павел Юдин", None, "direct", "dash_line"),
        ("Чего ждать от плей-офф?", None, "direct", Q),
        ("Борьбы. Мы не боимся никого", None, "direct", "dash_line"),
    ],
    "interview-artist-bold-questions.txt": [  # 'Корреспондент поговорил с X', bold questions
        ("Почему вы вернулись в Казань?", None, "direct", Q),
        ("В Москве я много работал", "Рустам Хабибуллин", "direct", "interview_answer"),
        ("Кроме того, здесь живут родители", "Рустам Хабибуллин", "direct", "interview_answer"),
        ("О чем новая выставка?", None, "direct", Q),
        ("Она про воду", "Рустам Хабибуллин", "direct", "interview_answer"),
        ("Часть картин уже купили", "Рустам Хабибуллин", "direct", "interview_answer"),  # no 'я'
        ("Не боитесь, что зритель", None, "direct", Q),
        ("Зритель умнее, чем о нем думают", "Рустам Хабибуллин", "direct", "interview_answer"),
    ],
    "interview-governor-readers.txt": [  # 'X ответил на вопросы читателей', 'Вопрос:'/'Ответ:'
        ("Когда отремонтируют дорогу", None, "direct", Q),
        ("Дорога включена в программу", "Николай Орлов", "direct", "interview_answer"),
        ("Почему в поселке до сих пор", None, "direct", Q),
        ("Мы объявили конкурс", "Николай Орлов", "direct", "interview_answer"),
        ("Кроме того, в поселок раз в неделю", "Николай Орлов", "direct", "interview_answer"),
        ("Будут ли снижать тарифы", None, "direct", Q),
        ("Снижать не будем", "Николай Орлов", "direct", "interview_answer"),
    ],
    "interview-plant-initials-labels.txt": [  # '— Корр.: …' / '— И.П.: …', labels left out
        ("Завод заработает на полную мощность", "Игорь Пахомов", "direct", "interview"),  # headline
        ("Игорь Петрович, сколько заказов", None, "direct", Q),
        ("Портфель заказов сформирован", "Игорь Пахомов", "direct", "dash_line"),
        ("Хватает ли людей?", None, "direct", Q),
        ("Нет, не хватает", "Игорь Пахомов", "direct", "dash_line"),
        ("Мы открыли учебный центр", "Игорь Пахомов", "direct", "quote_continued"),
        ("Что с зарплатами?", None, "direct", Q),
        ("Средняя зарплата выросла", "Игорь Пахомов", "direct", "dash_line"),
    ],
    "interview-fencer-surname-labels.txt": [  # 'Корр.: …' / 'Соколова: …'
        ("Ольга, вы уже решили", None, "direct", Q),
        ("Пока нет. Мне нужно восстановиться", "Ольга Соколова", "direct", "interview"),
        ("Травма серьезная?", None, "direct", Q),
        ("Разрыв связок", "Ольга Соколова", "direct", "interview"),
        ("Реабилитация проходит в Германии", "Ольга Соколова", "direct", "quote_continued"),
        ("Чем займетесь", None, "direct", Q),
        ("Хочу открыть детскую школу", "Ольга Соколова", "direct", "interview"),
    ],
    "interview-embedded-minister.txt": [  # Q/A lines after 'министр ответил на … вопросов'
        ("Когда центр примет первых пациентов?", None, "direct", Q),
        ("Уже на следующей неделе", "Константин Хальзов", "direct", "dash_line"),
        ("Будут ли открывать такие центры", None, "direct", Q),
        ("Да, в Бердске и Искитиме", "Константин Хальзов", "direct", "dash_line"),
    ],
    "interview-not-dialogue-friends.txt": [  # two named people speaking in turn: no questions
        ("Ты совсем не изменилась", "Андрей Петров", "direct", "dash_dialogue"),
        ("А ты поседел", "Галина Иванова", "direct", "dash_dialogue"),
        ("Но играешь, говорят", "Галина Иванова", "direct", "dash_dialogue"),
        ("Играю только по выходным", "Андрей Петров", "direct", "dash_dialogue"),
        ("Это тоже спорт", "Галина Иванова", "direct", "dash_dialogue"),
    ],
    "interview-bakery-topic-headings.txt": [  # 'X дал интервью', answers under 'О ценах' headings
        ("Мы не будем повышать цены на хлеб", "Алексей Воронцов", "direct", "interview"),  # headline
        ("Мы понимаем, что хлеб", "Алексей Воронцов", "direct", "interview_answer"),
        ("Мы договорились с поставщиками", "Алексей Воронцов", "direct", "interview_answer"),
        ("Новый цех заработает весной", "Алексей Воронцов", "direct", "interview_answer"),  # no 'мы'
        ("Оборудование закупили в Италии", "Алексей Воронцов", "direct", "interview_answer"),
        ("Я горжусь нашим коллективом", "Алексей Воронцов", "direct", "interview_answer"),
    ],
    "interview-climate-question-labels.txt": [  # 'Вопрос: …?' then the answer, unlabelled
        ("Ренат Ильдарович, зимы", None, "direct", Q),
        ("Да, это видно по данным", "Ренат Галиев", "direct", "interview_answer"),
        ("Особенно заметно это в городах", "Ренат Галиев", "direct", "interview_answer"),
        ("Что будет дальше?", None, "direct", Q),
        ("Прогнозы разные", "Ренат Галиев", "direct", "interview_answer"),
        ("Это опасно?", None, "direct", Q),
        ("Для сельского хозяйства", "Ренат Галиев", "direct", "interview_answer"),
    ],
    "interview-director-dashed-questions.txt": [  # '— …?' questions, the answers undashed
        ("Кино — это всегда риск", "Павел Клименко", "direct", "colon_quote"),  # headline
        ("Павел, сколько длились съемки?", None, "direct", Q),
        ("Почти два года", "Павел Клименко", "direct", "interview_answer"),
        ("В Грузии, например", "Павел Клименко", "direct", "interview_answer"),
        ("Почему вы выбрали", None, "direct", Q),
        ("Ее рассказала мне бабушка", "Павел Клименко", "direct", "interview_answer"),
        ("Чего ждете от проката?", None, "direct", Q),
        ("Ничего не жду", "Павел Клименко", "direct", "interview_answer"),
    ],
    "interview-rector-outlet-labels.txt": [  # '«Outlet»: …?' / 'Имя Фамилия: …'
        ("Ирина Николаевна, сколько студентов", None, "direct", Q),
        ("На бюджет поступили", "Ирина Белова", "direct", "interview"),
        ("Конкурс на программирование", "Ирина Белова", "direct", "quote_continued"),
        ("Будут ли строить", None, "direct", Q),
        ("Да, строительство начнется", "Ирина Белова", "direct", "interview"),
    ],
    "interview-not-street-poll.txt": [  # passers-by answering in turn: dialogue, no interview
        ("Конечно, готова", "Валентина Петровна", "direct", "dash_dialogue"),
        ("А я резину не поменял", "Алексей", "direct", "dash_dialogue"),
        ("Теперь стою в очереди", "Алексей", "direct", "dash_dialogue"),
        ("снег растает к выходным", None, "indirect", "reported_that"),
    ],
    "interview-minister-phone-line.txt": [  # readers' 'Имя, город: …?', dashed answers
        ("Запись через портал", "Олег Зубов", "direct", "dash_line"),
        ("Двое молодых педиатров", "Олег Зубов", "direct", "dash_line"),
    ],
    "interview-doctor-guest-link.txt": [  # no lead verb; '–' for a dash; a link inside an answer
        ("Сергей Александрович, больница", None, "direct", Q),
        ("Сейчас нет. Пик пришелся", "Сергей Котов", "direct", "dash_line"),
        ("Хватает ли врачей?", None, "direct", Q),
        ("Не хватает анестезиологов", "Сергей Котов", "direct", "dash_line"),
        ("Зарплата анестезиолога", "Сергей Котов", "direct", "quote_continued"),  # past the link
        ("Как вы относитесь", None, "direct", Q),
        ("Спокойно. Это дополнительные", "Сергей Котов", "direct", "dash_line"),
        ("Что бы вы посоветовали", None, "direct", Q),
        ("Не откладывать визит", "Сергей Котов", "direct", "dash_line"),
    ],
    "interview-champion-narration.txt": [  # the article's narration inside the Q/A is no answer
        ("Кто был вашим главным учителем?", None, "direct", Q),
        ("Мой первый тренер Виктор Семенов", "Артем Гусев", "direct", "dash_line"),
        ("Почему вы так долго", None, "direct", Q),
        ("Восстанавливался после операции", "Артем Гусев", "direct", "dash_line"),
        ("спортсмен тренировался даже в больнице", "Виктор Семенов", "indirect", "as_cue"),
        ("Когда вернетесь на лед?", None, "direct", Q),
        ("Надеюсь, уже в декабре", "Артем Гусев", "direct", "dash_line"),
    ],
    "interview-coffee-nbsp-credit.txt": [  # '—\xa0', '- ' and a credit naming the interviewee
        ("Антон, как вы начинали?", None, "direct", Q),
        ("С одной точки", "Антон Ляхов", "direct", "dash_line"),
        ("Было страшно?", None, "direct", Q),
        ("Очень. Особенно когда", "Антон Ляхов", "direct", "dash_line"),
        ("Тогда сеть потеряла", "Антон Ляхов", "direct", "quote_continued"),
        ("Что помогло выжить?", None, "direct", Q),
        ("Доставка. И постоянные гости", "Антон Ляхов", "direct", "dash_line"),
    ],
    "interview-forward-long-answer.txt": [  # a standfirst names him; a long answer naming others
        ("Кирилл, вы забили", None, "direct", Q),
        ("Да. Раньше у меня никогда", "Кирилл Жуков", "direct", "dash_line"),
        ("Во многом это заслуга партнеров", "Кирилл Жуков", "direct", "quote_continued"),
        ("Новый тренер Олег Васин тоже", "Кирилл Жуков", "direct", "quote_continued"),
        ("На тренировках стало тяжелее", "Кирилл Жуков", "direct", "quote_continued"),
        ("Раньше мы часто проигрывали", "Кирилл Жуков", "direct", "quote_continued"),
        ("Конечно, многое зависит", "Кирилл Жуков", "direct", "quote_continued"),
        ("В раздевалке тоже", "Кирилл Жуков", "direct", "quote_continued"),
        ("Как вам работается с Васиным?", None, "direct", Q),
        ("Отлично. Он требовательный", "Кирилл Жуков", "direct", "dash_line"),  # far from the name
        ("Не было предложений", None, "direct", Q),
        ("Были, но я пока не думаю", "Кирилл Жуков", "direct", "dash_line"),
    ],
    "interview-veteran-initials-outlet.txt": [  # 'АиФ: …?' / 'А.К.: …': labels no list knows
        ("Анатолий Семенович, как вы", None, "direct", Q),
        ("Спокойно, в кругу семьи", "Анатолий Семенович Кузьмин", "direct", "interview_answer"),
        ("Что вспоминаете чаще всего?", None, "direct", Q),
        ("Стройку. Мы возводили", "Анатолий Семенович Кузьмин", "direct", "interview_answer"),
        ("Тогда никто не жаловался", "Анатолий Семенович Кузьмин", "direct", "interview_answer"),
        ("Чего пожелаете молодым?", None, "direct", Q),
        ("Не бояться трудностей", "Анатолий Семенович Кузьмин", "direct", "interview_answer"),
    ],
    "interview-mayor-walkabout.txt": [  # a few questions inside a report, one answer attributed
        ("Когда откроют набережную?", None, "direct", Q),
        ("Первую очередь — к Дню города", "Елена Лапушкина", "direct", "dash_dialogue"),
        ("Не дорого ли обходится", None, "direct", Q),
        ("Это не дорого", "Елена Лапушкина", "direct", "dash_line"),
    ],
    "interview-chef-no-lead.txt": [  # no lead verb, no headline: questions address her, undashed
        ("Ирина, с чего вы начинали?", None, "direct", Q),
        ("С мытья посуды", "Ирина Мельникова", "direct", "interview_answer"),
        ("Там я поняла", "Ирина Мельникова", "direct", "interview_answer"),
        ("Почему вы не участвуете", None, "direct", Q),
        ("Мне неинтересно соревноваться", "Ирина Мельникова", "direct", "interview_answer"),
        ("Какое блюдо вы посоветуете", None, "direct", Q),
        ("Уху по-волжски", "Ирина Мельникова", "direct", "interview_answer"),
    ],
    "interview-not-rhetorical-questions.txt": [  # the article's own questions ask no one
        ("реальные доходы населения", "Росстат", "indirect", "according_to"),
        ("ситуацию исправит индексация", "Алексей Громов", "indirect", "reported_that"),
    ],
    "interview-hockey-one-word-answer.txt": [  # '— Нет.' answers, and its paragraph goes on
        ("Максим, вы продлите контракт?", None, "direct", Q),
        ("Нет", "Максим Орлов", "direct", "dash_line"),
        ("Клуб предложил мне", "Максим Орлов", "direct", "quote_continued"),
        ("В какой?", None, "direct", Q),
        ("Пока не скажу", "Максим Орлов", "direct", "dash_line"),
        ("А если позовут", None, "direct", Q),
        ("Конечно, поеду", "Максим Орлов", "direct", "dash_line"),
    ],
    "interview-not-faq.txt": [],  # an FAQ's 'Сколько вам придется платить?' calls no one: no interview
    "interview-actress-bold-questions-dashed.txt": [  # undashed questions, dash answers
        ("Светлана, как вы готовились", None, "direct", Q),
        ("Перечитала роман трижды", "Светлана Кораблева", "direct", "dash_line"),
        ("Я ходила в Эрмитаж", "Светлана Кораблева", "direct", "quote_continued"),
        ("Потом я нашла старые", "Светлана Кораблева", "direct", "quote_continued"),
        ("А еще я брала уроки", "Светлана Кораблева", "direct", "quote_continued"),
        ("Было ли страшно", None, "direct", Q),
        ("Очень. Но режиссер сказал", "Светлана Кораблева", "direct", "dash_line"),
        ("Когда премьера?", None, "direct", Q),
        ("Пятнадцатого ноября", "Светлана Кораблева", "direct", "dash_line"),
    ],
}

NOT_QUOTED = {  # bylines, credits, menus, headings, narration: never quotations
    "interview-library-dash-lead.txt": ["Беседовала", "Фото", "Общество", "рассказала в интервью"],
    "interview-hockey-hyphens-crlf.txt": ["Главная", "Читайте также", "Поделиться", "Команда сыграет"],
    "interview-artist-bold-questions.txt": ["Культура", "поговорил с", "Выставка открыта"],
    "interview-governor-readers.txt": ["Подготовил", "ответил на вопросы", "Вопрос:", "Ответ:"],
    "interview-plant-initials-labels.txt": ["Беседовал", "Фото", "Корр.", "И.П.", "рассказал о новых"],
    "interview-fencer-surname-labels.txt": ["Текст:", "Корр.", "встретился"],
    "interview-embedded-minister.txt": ["Напомним", "Центр рассчитан", "ответил на несколько"],
    "interview-not-dialogue-friends.txt": ["Разговор затянулся", "встретились"],
    "interview-bakery-topic-headings.txt": ["О ценах", "О новом цехе", "О людях", "Фото", "дал интервью"],
    "interview-climate-question-labels.txt": ["Читайте также", "Наука", "Вопрос:"],
    "interview-director-dashed-questions.txt": ["Интервью", "представил на фестивале", "поговорили"],
    "interview-rector-outlet-labels.txt": ["Главная", "Беседовал", "Тюменская правда"],
    "interview-not-street-poll.txt": ["выпал первый снег", "спросил прохожих"],
    "interview-minister-phone-line.txt": ["провел прямую линию", "Ачинск", "Канск"],
    "interview-doctor-guest-link.txt": ["Читайте также", "Беседовал", "Гость нашей редакции"],
    "interview-champion-narration.txt": ["Как рассказал потом", "ответил на вопросы"],
    "interview-coffee-nbsp-credit.txt": ["Фото", "личный архив", "Сейчас у сети", "Бизнес"],
    "interview-forward-long-answer.txt": ["Футбол", "о голах, травмах"],
    "interview-veteran-initials-outlet.txt": ["АиФ", "А.К.", "Почетный гражданин", "Интервью"],
    "interview-chef-no-lead.txt": ["Ресторан работает", "о местной кухне", "Люди"],
    "interview-not-rhetorical-questions.txt": ["Почему так происходит", "Главная из них", "Эксперты считают"],
    "interview-not-faq.txt": ["Самозанятые смогут", "Взнос составит", "Что изменится"],
    "interview-mayor-walkabout.txt": ["Подрядчик обещает", "осмотрела ход ремонта", "Журналисты спросили"],
}


@pytest.fixture(scope="module")
def extracted():
    return extracted_articles(ARTICLES)


CASES = cases(ARTICLES)


@pytest.mark.parametrize(
    "name, quote, speaker, kind, rule", CASES, ids=[f"{c[0][10:-4]}:{c[1][:25]}" for c in CASES]
)
def test_quotation_speaker_kind_and_rule(extracted, name, quote, speaker, kind, rule):
    _, frame = extracted[name]
    row = row_starting(frame, quote)
    assert (row["kind"], row["rule"]) == (kind, rule)
    if speaker is None:
        assert pd.isna(row["speaker"])
    else:
        assert row["speaker"] == speaker


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_nothing_else_is_a_quotation(extracted, name):
    _, frame = extracted[name]
    expected = [quote for quote, *_ in ARTICLES[name]]
    extra = [q for q in frame["quote"] if not any(q.startswith(e) for e in expected)]
    assert extra == [] or name == "interview-library-dash-lead.txt" and extra == ["Читатели вернулись"]


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_offsets_index_the_raw_text(extracted, name):
    text, frame = extracted[name]
    check_contract(frame, text)


@pytest.mark.parametrize("name, debris", [(n, d) for n, ds in NOT_QUOTED.items() for d in ds])
def test_bylines_credits_and_headings_are_not_quotations(extracted, name, debris):
    _, frame = extracted[name]
    assert not frame["quote"].str.contains(debris, regex=False).any()
    assert not frame["speaker"].dropna().str.contains(debris, regex=False).any()


def test_crlf_and_nbsp_never_leak_into_quotations(extracted):
    _, frame = extracted["interview-hockey-hyphens-crlf.txt"]
    assert not frame["quote"].str.contains("\r").any()
    assert not frame["quote"].str.match(r"[\s\xa0-]").any()


def test_dash_answers_to_undashed_questions_name_the_lead_s_interviewee(extracted):
    _, frame = extracted["interview-actress-bold-questions-dashed.txt"]
    answers = frame[frame["rule"] == "dash_line"]
    assert list(answers["speaker_mention"]) == ["Светлана Кораблева"] * 3  # the lead's name, not a guess
