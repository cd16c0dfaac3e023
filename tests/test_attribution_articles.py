"""Whole invented articles whose speakers are named once and then referred to: by description
('глава региона', 'аргентинский специалист', 'бразилец'), pronoun, body noun ('в ведомстве') or a
name in another case. Each expected row is (the start of the quotation, its speaker)."""

from pathlib import Path

import pandas as pd
import pytest

import quotextract

DATA = Path(__file__).parent / "data"

ARTICLES = {
    "attribution-wire-regional.txt": [
        ("Власти Новосибирской области продлят", "Андрей Травников"),  # not ТАСС of the dateline
        ("Мы видим, что ситуация", "Андрей Травников"),  # 'сказал глава региона'
        ("решение о снятии ограничений", "Андрей Травников"),  # 'По его словам'
        ("загрузка больниц снизилась", "Константин Хальзов"),
        ("Коечный фонд мы сохраняем", "Константин Хальзов"),  # 'добавил министр'
        ("общественный транспорт продолжит", "мэрия Новосибирска"),  # 'В мэрии Новосибирска ТАСС сообщили'
        ("дополнительные рейсы не планируются", "мэрия Новосибирска"),  # 'в ведомстве'
        ("пик заболеваемости пройден", "Дарья Позднякова"),
        ("Маска по-прежнему остается", "Дарья Позднякова"),
        ("ограничения могут снять", None),  # 'Эксперты считают'
        ("прогнозы пока делать рано", "Сергей Нетесов"),  # not the agency's correspondent
        ("Все зависит от того", "Сергей Нетесов"),  # 'сказал ученый'
    ],
    "attribution-wire-agency.txt": [
        ("Минфин России не планирует", None),  # 'заявил РИА Новости источник в правительстве'
        ("вопрос о налогах обсуждался", None),  # 'По словам собеседника агентства'
        ("Никаких решений пока не принято", None),  # 'отметил он': the unnamed source still
        ("бюджет будет сбалансирован", "Антон Силуанов"),
        ("дефицит удастся сократить", "Антон Силуанов"),  # 'Глава ведомства': no ministry of its own
        ("Мы ожидаем снижения", "Ирина Власова"),  # 'сказала эксперт'
        ("рубль останется стабильным", "Павел Кудрин"),  # 'По мнению аналитика': the one named last
        ("правительство обсуждает новые меры", None),  # 'пишет газета … со ссылкой на источники'
        ("речь идет о льготных кредитах", "Ведомости"),  # 'Издание отмечает': the outlet itself
        ("не получали предложений", "Кремль"),
        ("Президент не рассматривал", "Дмитрий Песков"),
    ],
    "attribution-interview-director.txt": [
        ("Николай Петрович, ходят слухи", None),  # the interviewer's question
        ("Нет. Мы не собираемся", "Николай Орлов"),
        ("Конечно, кризис затронул", "Николай Орлов"),  # the answer's undashed paragraph
        ("Зарплаты мы проиндексировали", "Николай Орлов"),
        ("Приходите", "Николай Орлов"),
    ],
    "attribution-court-regional.txt": [
        ("Октябрьский районный суд Самары", "пресс-служба суда"),  # 'Об этом сообщили в пресс-службе суда'
        ("чиновник получил взятку", "следствие"),  # 'По данным следствия'
        ("будет обжаловать решение", "Елена Гришина"),
        ("Мой подзащитный готов", "Елена Гришина"),  # 'сказала она'
        ("Зуев может оказать давление", "СК"),
        ("Это не первое подобное дело", "Игорь Белов"),  # a quotation interrupted by its attribution
        ("Мы будем добиваться", "Игорь Белов"),
        ("обязанности главы управления", "мэрия"),  # 'в мэрии': not the СК quoted before
    ],
    "attribution-culture-singer.txt": [
        ("Певица Анна Ветрова отменила", "Анна Ветрова"),  # 'Об этом артистка сообщила'
        ("Дорогие друзья, мне очень жаль", "Анна Ветрова"),  # 'написала исполнительница'
        ("билеты можно будет сдать", "Максим Ильин"),
        ("новые даты концертов", "Максим Ильин"),  # 'По его словам'
        ("устает от перелетов", "Анна Ветрова"),  # 'она признавалась', after 'Ранее Ветрова'
    ],
    "attribution-foreign-leaders.txt": [
        ("Париж не допустит", "Эмманюэль Макрон"),  # 'в интервью телеканалу CNN': not CNN
        ("Мы не позволим британцам", "Эмманюэль Макрон"),  # 'цитирует Макрона агентство Reuters'
        ("ЕС выступает единым фронтом", "Эмманюэль Макрон"),  # 'Французский лидер добавил'
        ("Лондон готов к переговорам", "Борис Джонсон"),  # 'Как заявил британский премьер'
        ("Брюссель внимательно следит", "Эрик Мамер"),
        ("экстренное заседание может пройти", None),  # 'По информации источника в Еврокомиссии'
    ],
    "attribution-economy-company.txt": [
        ("Экспорт «Газпрома» в страны", "Газпром"),  # 'говорится в отчете компании'
        ("снижение связано с теплой зимой", "пресс-служба концерна"),
        ("Мы ожидаем восстановления спроса", "Александр Медведев"),
        ("падение экспорта было ожидаемым", "Алексей Калачев"),
        ("во втором полугодии", "Алексей Калачев"),  # 'По его оценке'
        ("компания пересмотрит", "Алексей Калачев"),  # 'Эксперт также не исключил'
        ("транзит через Украину сохранится", "Юрий Витренко"),
    ],
    "attribution-dash-dialogue.txt": [
        ("Деньги в бюджете есть", "Игорь Соколов"),
        ("Мы это слышим третий год", "Петр Лаптев"),  # 'возразил ему … Петр Лаптев'
        ("В прошлом году обещали", "Петр Лаптев"),  # speech resumed after '. —', a cue verb inside
        ("В прошлом году не было", "Игорь Соколов"),  # 'ответил глава района'
        ("Сейчас ситуация другая", "Игорь Соколов"),
        ("без дороги хозяйства", "Петр Лаптев"),
        ("потери фермеров", "Петр Лаптев"),  # 'По его словам'
        ("Будем встречаться раз в месяц", "Игорь Соколов"),  # 'пояснил чиновник'
    ],
    "attribution-headlines.txt": [
        ("Рост цен замедлится к осени", "Максим Орешкин"),  # '… — Орешкин'
        ("Пик роста цен пройден", "Максим Орешкин"),  # 'заявил министр в интервью РБК': not РБК
        ("Сбербанк готов снизить", "Герман Греф"),  # 'Греф: «…»'
        ("банк может снизить ставки", "Герман Греф"),
        ("Мы ждем решения ЦБ", "Герман Греф"),
    ],
    "attribution-interview-labels.txt": [
        ("Олег Валерьевич, как оцените", None),  # a question answered by a 'Знарок:' line: the interviewer's
        ("Турнир получился тяжелым", "Олег Знарок"),
        ("Соперники были сильны", "Олег Знарок"),  # the answer's unlabelled paragraph
        ("Что скажете о вратарях", None),
        ("Вратари сыграли надежно", "Олег Знарок"),
    ],
    "attribution-football-match.txt": [
        ("его команда выглядела слабее", "Гильермо Абаскаль"),  # a foreign name kept as written
        ("Мы допустили две ошибки", "Гильермо Абаскаль"),  # 'аргентинский специалист', named before
        ("Ребята выполнили установку", "Сергей Семак"),  # 'отметил тренер'
        ("не ожидал столь уверенной победы", "Сергей Семак"),  # 'Он добавил'
        ("посвящает мяч семье", "Малком"),  # 'Автор первого гола Малком': no instrumental of 'малкий'
        ("Это очень важный гол", "Малком"),  # 'заявил бразилец'
        ("защитник получил травму", "Спартак"),  # 'В клубе сообщили'
        ("Мы еще поборемся", "Квинси Промес"),  # 'заверил журналистов нападающий': not a journalist
        ("Сезон не закончен", "Квинси Промес"),
    ],
}


@pytest.fixture(scope="module")
def extracted():
    return {name: quotextract.extract((DATA / name).read_text(encoding="utf-8")) for name in ARTICLES}


CASES = [(name, *row) for name, rows in ARTICLES.items() for row in rows]


@pytest.mark.parametrize("name, quote, speaker", CASES, ids=[f"{c[0][12:-4]}:{c[1][:25]}" for c in CASES])
def test_speaker(extracted, name, quote, speaker):
    frame = extracted[name]
    rows = frame[frame["quote"].str.startswith(quote)]
    assert len(rows) == 1, f"{quote!r} found {len(rows)} times in {list(frame['quote'])}"
    if speaker is None:
        assert pd.isna(rows.iloc[0]["speaker"])
    else:
        assert rows.iloc[0]["speaker"] == speaker


def test_introduced_roles_are_the_persons_own():
    frame = quotextract.extract((DATA / "attribution-football-match.txt").read_text(encoding="utf-8"))
    row = frame[frame["quote"].str.startswith("Мы еще поборемся")].iloc[0]
    assert row["speaker_role"] == "нападающий"


SCRAPING = {  # what scrapers do to the same article: none of it may change a quotation or its speaker
    "hyphens": lambda t: t.replace("—", "-").replace("–", "-"),
    "straight quotes": lambda t: t.translate(str.maketrans({"«": '"', "»": '"', "„": '"', "“": '"'})),
    "non-breaking spaces": lambda t: t.replace(" ", "\xa0"),
    "CRLF": lambda t: t.replace("\n", "\r\n"),
}


@pytest.mark.parametrize("damage", sorted(SCRAPING))
@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_scraping_damage_changes_nothing(extracted, name, damage):
    text = (DATA / name).read_text(encoding="utf-8")
    damaged = quotextract.extract(SCRAPING[damage](text))
    clean = SCRAPING[damage]  # compare the quotations as damaged the same way
    expected = [
        (clean(q), s) for q, s in zip(extracted[name]["quote"], extracted[name]["speaker"].fillna(""))
    ]
    assert list(zip(damaged["quote"], damaged["speaker"].fillna(""))) == expected


def test_readers_comments_are_no_quotations():
    text = (
        "Министр Иван Петров заявил, что цены стабилизируются.\n\nКомментарии (2)\n\n"
        "Мария Смирнова: Отличная статья, спасибо!\n\nИван: Согласен полностью.\n"
    )
    assert list(quotextract.extract(text)["quote"]) == ["цены стабилизируются"]
