"""Whole invented wire, regional and sports articles (tests/data/wire-*.txt), as written and with
the damage scrapers do: quote marks stripped, dashes printed as hyphens run into the verb
(', -сказал'), the comma before a dashed attribution lost. Each expected row is (the start of
the quote, speaker, kind, whether it holds in the damaged copies too); a quote is matched by the
first letters of its text, so punctuation and marks at its boundaries are boundary choices."""

import re

import pandas as pd
import pytest
from articles import read_article
from conftest import check_contract

import quotextract

ARTICLES = {
    "wire-hard-wrapped-crlf.txt": [  # a feed's lines wrapped inside sentences (CRLF), a menu below
        ("ремонт моста через Томь завершат до конца октября", "Михаил Соколов", "indirect", True),
        ("Подрядчик работает в две смены, материалы закуплены, никаких", "Михаил Соколов", "direct", True),
        ("движение по мосту частично откроют уже в августе, а", "Михаил Соколов", "indirect", True),
        ("областной бюджет выделил на ремонт 640 млн рублей", "Ольга Миронова", "indirect", True),
        ("Деньги перечислены полностью, теперь все зависит от погоды и", "Ольга Миронова", "direct", True),
    ],
    "wire-tass-bridge.txt": [  # 'ОМСК, 3 марта. /ТАСС/.' dateline, '- пояснил собеседник агентства'
        ("Строительство четвертого моста через Обь", "Андрей Травников", "indirect", True),
        ("Все основные конструкции уже смонтированы", "Андрей Травников", "direct", True),
        ("движение по мосту откроют сразу", "Андрей Травников", "indirect", True),
        ("стоимость проекта не изменилась", "Андрей Травников", "indirect", True),
        ("Мы не просим дополнительных денег", "Андрей Травников", "direct", True),
        (
            "на объекте ежедневно работают более 800 человек",
            "министерство транспорта области",
            "indirect",
            True,
        ),
        ("зимой работы не останавливались", "Игорь Лапин", "indirect", True),
        ("Морозы нам не помешали", "Игорь Лапин", "direct", True),
    ],
    "wire-football-coach.txt": [  # a club's name in marks inside the quotation: 'как «Спартак», — сказал'
        ("его команда проиграла из-за ошибок в обороне", "Рашид Рахимов", "indirect", True),
        ("Мы пропустили два гола после стандартов", "Рашид Рахимов", "direct", True),
        ("доволен игрой молодых футболистов", "Рашид Рахимов", "indirect", True),
        ("Ребята старались, бились до конца", "Рашид Рахимов", "direct", True),
        ("команда настраивалась на тяжелую игру", "Георгий Джикия", "indirect", True),
        ("Казань всегда неудобный соперник", "Георгий Джикия", "direct", True),
        ("победа позволит команде спокойно готовиться", "Георгий Джикия", "indirect", True),
    ],
    "wire-regional-traffic.txt": [  # 'сообщили в пресс-службе мэрии', 'говорится в сообщении'
        ("Движение транспорта на улице Ленина", "пресс-служба мэрии города", "indirect", True),
        ("Ограничения продлятся около двух месяцев", "пресс-служба мэрии города", "direct", True),
        ("ремонт путей откладывали несколько лет", "Сергей Ковалев", "indirect", True),
        ("Рельсы изношены на 90 процентов", "Сергей Ковалев", "direct", True),
        ("жители могут следить за изменениями маршрутов", "Сергей Ковалев", "indirect", True),
        ("в прошлом году в городе отремонтировали", "мэрия", "indirect", True),
    ],
    "wire-transfer-contract.txt": [  # 'приводит слова футболиста официальный сайт клуба'
        ("Я счастлив остаться в", "Матеус Кассьерра", "direct", True),
        ("переговоры заняли около месяца", "Александр Медведев", "indirect", True),
        # marks lost, the speech names the player it speaks of: only its last sentence is taken
        ("Матеус - важная часть команды", "Александр Медведев", "direct", False),
    ],
    "wire-ria-health.txt": [  # 'КРАСНОЯРСК, 20 февраля - РИА Новости.', 'сообщил РИА Новости министр'
        ("Заболеваемость гриппом и ОРВИ", "Борис Немик", "indirect", True),
        ("Пик эпидемии пройден", "Борис Немик", "direct", True),
        ("карантин в школах снимут с понедельника", "Борис Немик", "indirect", True),
        ("в больницах края остаются около 300 пациентов", "Борис Немик", "indirect", True),
        ("Мы продолжаем вакцинацию", "Борис Немик", "direct", True),
        ("новая волна возможна в марте", "Дмитрий Горяев", "indirect", True),
    ],
    "wire-hockey-unmarked.txt": [  # 'X после игры сказал: «…»', a line with its opening mark on a name
        ("Это была очень тяжелая серия", "Ги Буше", "direct", True),
        ("Металлург сильная команда, нам повезло", "Александр Волков", "direct", True),
    ],
    "wire-interfax-audit.txt": [  # 'на коллегии заявил: «…»', 'В Минтрансе «Интерфаксу» сообщили'
        (
            "Счетная палата выявила нарушения",
            None,
            "indirect",
            True,
        ),  # past 'Москва. 5 октября. INTERFAX.RU - '
        ("Часть объектов сдана с недоделками", "Андрей Батуркин", "direct", True),
        ("материалы проверки направлены в Генпрокуратуру", "Андрей Батуркин", "indirect", True),
        (
            "Все замечания будут устранены до конца года",
            "Минтранс",
            "direct",
            False,
        ),  # NER: 'Минтрансе Интерфаксу'
        ("проверки в регионах будут ужесточены", None, "indirect", True),
    ],
    "wire-biathlon-camp.txt": [  # 'Об этом ТАСС рассказал', '- отметил он, добавив, что …'
        ("Сборная России по биатлону начала летний сбор", "Юрий Каминский", "indirect", True),
        ("Ребята приехали в хорошей форме", "Юрий Каминский", "direct", True),
        ("в августе команда переедет в Сочи", "Юрий Каминский", "indirect", True),
        ("Там будет больше стрельбы", "Юрий Каминский", "direct", True),
        ("состав на сезон определят в октябре", "Юрий Каминский", "indirect", True),
        ("пропустил первую неделю сбора", "Эдуард Латыпов", "indirect", True),
        ("Сейчас уже все в порядке", "Эдуард Латыпов", "direct", True),
    ],
    "wire-metro-menus.txt": [  # a breadcrumb menu, a headline label, a photo credit, a channel widget
        ("Первую станцию второй линии", "Ильсур Метшин", "indirect", True),
        ("Мы выходим на финишную прямую. Финансирование", "Ильсур Метшин", "direct", True),
        ("новая линия свяжет жилые районы", "Ильсур Метшин", "indirect", True),  # 'отметил что': comma lost
        ("Такие объекты редко сдают вовремя", "Марат Гарипов", "direct", True),
    ],
    "wire-sambo-coach.txt": [  # 'цитирует пресс-служба министра …', '- сказал наставник'
        ("Это лучший результат команды", "Рустем Мухаметов", "direct", True),
        ("не ожидал выиграть финал", "Ильдар Сафин", "indirect", True),
        ("Соперник был сильнее по рейтингу", "Ильдар Сафин", "direct", True),
        ("у его ученика большое будущее", "Виктор Осипов", "indirect", True),
        # marks lost after a sentence naming the speaker: the speech names the athlete, so only
        # its last sentence is taken
        ("Ильдар очень трудолюбивый парень", "Виктор Осипов", "direct", False),
    ],
    "wire-fuel-minister.txt": [  # 'заявил журналистам министр', 'передает агентство слова Новака'
        ("Цены на бензин на бирже стабилизируются", "Сергей Цивилев", "indirect", True),
        ("Мы видим, что ситуация выравнивается", "Сергей Цивилев", "direct", True),
        ("правительство ввело временный запрет", "Сергей Цивилев", "indirect", True),
        ("Запрет будет действовать столько", "Сергей Цивилев", "direct", True),
        ("рост цен вызван сезонным спросом", "Александр Новак", "indirect", True),
        ("Ситуация под контролем", "Александр Новак", "direct", True),
        ("цены вырастут еще на 2-3%", "Алексей Калачев", "indirect", True),
    ],
    "wire-football-rout.txt": [  # '- отметил специалист', 'По мнению Мусаева', a hyphen dash line
        ("Мы сыграли очень дисциплинированно", "Мурад Мусаев", "direct", True),
        ("ключевым стал первый гол", "Мурад Мусаев", "indirect", True),
        ("После него соперник раскрылся", "Мурад Мусаев", "direct", True),
        ("Такие поражения бывают", "Олег Василенко", "direct", True),
        ("посвящает голы своей дочери", "Джон Кордоба", "indirect", True),
    ],
    "wire-tass-roads-paragraphs.txt": [  # 'заявил: Мы …' unmarked, interrupted, over two paragraphs
        ("Мы отремонтируем в регионе больше 200 километров", "Роман Новиков", "direct", True),
        ("В этом году основное внимание уделим мостам", "Роман Новиков", "direct", True),
        ("вызывает у нас серьезную тревогу", "Роман Новиков", "direct", False),  # both commas lost
        ("Мы уже выделили деньги на проектирование", "Роман Новиков", "direct", True),
        ("Работы начнутся летом и продлятся два года", "Роман Новиков", "direct", True),
        ("область со своей стороны вложит", "Вячеслав Федорищев", "indirect", True),
    ],
    "wire-transfer-dash-lines.txt": [  # hyphen dash lines, speech resumed after '- отметил X. -'
        ("она составила около 5 млн евро", "Спорт-Экспресс", "indirect", True),
        ("Я давно хотел играть в", "Максим Ненахов", "direct", True),
        ("Максим - универсальный игрок", "Дмитрий Федоров", "direct", True),
        ("Мы следили за ним давно", "Дмитрий Федоров", "direct", True),
        ("расстроен уходом футболиста", "Михаил Галактионов", "indirect", True),
        ("Жаль терять такого игрока", "Михаил Галактионов", "direct", True),
    ],
    "wire-police-press-service.txt": [  # 'сообщили ТАСС в пресс-службе ГУ МВД', 'Как рассказал ТАСС представитель'
        ("Полицейские задержали троих жителей", "ГУ МВД", "indirect", True),
        ("ущерб превысил 1,5 млн рублей", "полиция", "indirect", True),
        ("кражи продолжались несколько месяцев", "завод", "indirect", True),
    ],
    "wire-boxing-no-punctuation.txt": [  # lines without a final stop, commas lost before attributions
        ("Российский боксер Дмитрий Бивол проведет", "Вадим Корнилов", "indirect", True),
        ("Я не могу назвать соперника, переговоры еще идут", "Вадим Корнилов", "indirect", True),
        ("Дмитрий готовится в Калифорнии", "Вадим Корнилов", "indirect", True),
        ("Работаем. Скоро увидимся на ринге", "Дмитрий Бивол", "direct", True),
    ],
    "wire-biathlon-lost-commas.txt": [  # commas and final stops lost: '… без промахов - призналась'
        ("Очень рада, что получилось отстреляться", "Кристина Резцова", "direct", True),
        ("Трасса была тяжелой", "Кристина Резцова", "direct", True),  # resumed after '… . -'
        ("допустила ошибку на последнем огневом рубеже", "Ирина Казакевич", "indirect", True),
        ("Думаю, могла бороться за победу", "Ирина Казакевич", "direct", True),
        ("девушки готовы к чемпионату России", "Михаил Шашилов", "indirect", True),
    ],
    "wire-football-coach-sacked.txt": [  # a section line, a photo credit, a 'Читайте также' link
        ("Решение принято по обоюдному согласию сторон", "Урал", "indirect", False),  # NER, marks lost
        # marks lost, the speech names the coach it speaks of: only its last sentence is taken
        ("Игорь Михайлович много сделал для команды", "Григорий Иванов", "direct", False),
        ("ожидал отставки", "Игорь Шалимов", "indirect", True),
        ("Я понимал, к чему все идет", "Игорь Шалимов", "direct", True),
    ],
    "wire-tass-crlf-nbsp.txt": [  # CRLF line ends, non-breaking spaces after prepositions
        ("В этом году в Омской области отремонтируют", "Виталий Хоценко", "indirect", True),
        ("Мы впервые за много лет", "Виталий Хоценко", "direct", True),
        ("основная часть работ придется на Омск", "Виталий Хоценко", "indirect", True),
        ("Контракты на все объекты уже заключены", "Денис Данилов", "direct", True),
    ],
}

NOT_QUOTED = {
    "wire-biathlon-lost-commas.txt": ["призналась", "Второе место"],
    "wire-football-coach-sacked.txt": ["Спорт", "Фото", "Читайте также", "Исполняющим"],
    "wire-tass-crlf-nbsp.txt": ["ОМСК", "\r"],
    "wire-tass-roads-paragraphs.txt": ["САМАРА", "Поделиться", "ВКонтакте", "Telegram", "поблагодарил"],
    "wire-transfer-dash-lines.txt": ["Контракт рассчитан", "сказал Ненахов"],
    "wire-police-press-service.txt": ["ПЕРМЬ", "Ранее в МВД", "установило"],
    "wire-boxing-no-punctuation.txt": ["Бокс", "сказал Корнилов"],
    "wire-tass-bridge.txt": ["НОВОСИБИРСК", "ТАСС"],
    "wire-football-coach.txt": ["Матч 12-го тура", "сказал Рахимов"],
    "wire-regional-traffic.txt": ["ОМСК"],
    "wire-ria-health.txt": ["КРАСНОЯРСК", "РИА Новости"],
    "wire-interfax-audit.txt": ["INTERFAX", "Москва"],
    "wire-biathlon-camp.txt": ["ТЮМЕНЬ"],
    "wire-metro-menus.txt": ["Главная", "Фото", "Подписывайтесь", "КАЗАНЬ"],
    "wire-sambo-coach.txt": ["УФА", "Следующий турнир"],
    "wire-fuel-minister.txt": ["МОСКВА"],
    "wire-football-rout.txt": ["разгромил воронежский"],
    "wire-hockey-unmarked.txt": ["В полуфинале", "обыграл"],
}


def no_marks(text: str) -> str:
    return re.sub(r"[«»„“”\"]", "", text)


def tight_hyphens(text: str) -> str:
    """Dashes printed as hyphens, the one before an attribution run into its verb: ', -сказал'."""
    return re.sub(r"\s[—–-]\s(?=[а-яё])", " -", re.sub("[—–]", "-", text))


def lost_commas(text: str) -> str:
    """Dashes as hyphens and the comma before a dashed attribution lost: '…установки - отметил'."""
    return re.sub(r",(\s*-\s)", r"\1", re.sub("[—–]", "-", text))


DAMAGE = {
    "as written": lambda text: text,
    "no marks": no_marks,
    "tight hyphens": tight_hyphens,
    "no marks, tight hyphens": lambda text: tight_hyphens(no_marks(text)),
    "no marks, lost commas": lambda text: lost_commas(no_marks(text)),
}


def key(text: str) -> str:
    return re.sub(r"\W", "", text.lower())


@pytest.fixture(scope="module")
def extracted():
    return {
        (name, damage): (
            DAMAGE[damage](read_article(name)),
            quotextract.extract(DAMAGE[damage](read_article(name))),
        )
        for name in ARTICLES
        for damage in DAMAGE
    }


def row_for(frame: pd.DataFrame, quote: str):
    wanted = key(no_marks(quote))
    rows = frame[frame["quote"].map(lambda q: key(q).startswith(wanted))]
    assert len(rows) == 1, f"{quote!r} found {len(rows)} times in {list(frame['quote'])}"
    return rows.iloc[0]


CASES = [
    (name, damage, quote, speaker, kind)
    for name, rows in ARTICLES.items()
    for quote, speaker, kind, damaged in rows
    for damage in DAMAGE
    if damaged or damage == "as written"
]


@pytest.mark.parametrize(
    "name, damage, quote, speaker, kind", CASES, ids=[f"{c[0][5:-4]}:{c[1]}:{c[2][:20]}" for c in CASES]
)
def test_quotation_speaker_and_kind(extracted, name, damage, quote, speaker, kind):
    _, frame = extracted[name, damage]
    row = row_for(frame, quote)
    if damage == "as written":  # with its marks lost, «…», заявил X reads as reported content
        assert row["kind"] == kind
    if speaker is None:
        assert pd.isna(row["speaker"]) and not pd.isna(row["speaker_mention"])
    else:
        assert row["speaker"] == speaker


@pytest.mark.parametrize("name, damage", [(n, d) for n in sorted(ARTICLES) for d in DAMAGE])
def test_offsets_index_the_damaged_text(extracted, name, damage):
    text, frame = extracted[name, damage]
    check_contract(frame, text)


@pytest.mark.parametrize("name, debris", [(n, d) for n, ds in NOT_QUOTED.items() for d in ds])
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_datelines_menus_and_attributions_are_not_quotations(extracted, name, debris, damage):
    _, frame = extracted[name, damage]
    assert not frame["quote"].str.contains(debris, regex=False).any()


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_no_quotation_holds_its_own_attribution(extracted, damage):
    """'такой команды, как «Спартак», — сказал Рахимов': 'как' compares, it introduces no source."""
    _, frame = extracted["wire-football-coach.txt", damage]
    assert not frame["quote"].str.startswith("сказал").any()
    assert (frame["rule"] != "as_cue").all()
