"""Whole scraped articles in styles the dev set lacks: CRLF and menus, NBSP, hyphens as dashes,
colon-introduced dialogue, straight quotes; wire copy with datelines, interviews with and without
their questions, a sports report, a regional report with a press service; interviews with surname
labels, with undashed questions, with 'Вопрос:'/'Ответ:' labels and answers over two paragraphs,
wire copy in straight quotes (interrupted, nested) with CRLF and NBSP, a colon-introduced quotation
over paragraphs with its marks lost, hockey dash dialogue with hyphens, an interview whose
questions the outlet asks under its own name, a dash interview with short answers and undashed
paragraphs (all invented text). Each expected row is (quote, speaker, kind); a quote
is matched by the start of its text, so trailing punctuation is a boundary choice."""

import pandas as pd
import pytest
from articles import cases, extracted_articles, row_starting
from conftest import check_contract

ARTICLES = {
    "scraped-metro-crlf.txt": [
        ("метро продлят до Коммунарки к 2027 году", "Сергей Собянин", "direct"),  # headline 'Собянин: …'
        ("новая линия свяжет ТиНАО с центром города", "Сергей Собянин", "indirect"),
        ("Мы завершим строительство участка до Коммунарки", "Сергей Собянин", "direct"),
        ("Это позволит разгрузить Калужско-Рижскую линию", "Сергей Собянин", "direct"),
        ("пассажиропоток на юго-западе вырос на 30%", "Сергей Собянин", "indirect"),
        ("Стоимость останется прежней", "Сергей Собянин", "direct"),
        ("работы идут по графику", "Андрей Бочкарев", "indirect"),
        ("Проблем с финансированием нет", "Андрей Бочкарев", "indirect"),
    ],
    "scraped-mid-nbsp.txt": [
        ("Лондон продолжает нагнетать напряженность", "Мария Захарова", "indirect"),
        ("подобные заявления «не имеют ничего общего с реальностью»", "Мария Захарова", "indirect"),
        ("Россия неоднократно предлагала провести консультации", "Мария Захарова", "indirect"),
        ("Мы будем поддерживать Украину столько, сколько потребуется", "Дэвид Кэмерон", "direct"),
        ("риторика сторон будет только ужесточаться", None, "indirect"),
        ("Диалога в ближайшее время ожидать не стоит", "Федор Лукьянов", "direct"),
    ],
    "scraped-cbr-interview.txt": [
        ("Инфляционное давление остается высоким", "Эльвира Набиуллина", "direct"),
        ("Мы не даем конкретных сроков", "Эльвира Набиуллина", "direct"),
        ("Все будет зависеть от данных", "Эльвира Набиуллина", "direct"),
        ("снижение начнется не раньше лета", "Райффайзенбанк", "indirect"),
        ("Рынок ждал этого решения", "Станислав Мурашов", "direct"),
        ("рубль останется стабильным", "Станислав Мурашов", "indirect"),
        ("Минфин поддерживает позицию ЦБ", None, "indirect"),
    ],
    "scraped-duma-energy.txt": [
        ("энергетики наносят серьезный вред здоровью детей", "Дмитрий Хубезов", "indirect"),
        ("Мы видим рост числа отравлений среди школьников", "Дмитрий Хубезов", "direct"),
        ("запрет поддерживают родительские организации", "Ирина Петрова", "indirect"),
        ("Нас поддерживают тысячи родителей по всей стране", "Ирина Петрова", "direct"),
        ("ряд регионов уже ввел аналогичные ограничения", "Минздрав", "indirect"),
        ("Никаких доказательств вреда нет. Мы готовы к диалогу", "Олег Смирнов", "direct"),
        ("подростки найдут способ обойти запрет", "Анна Волкова", "indirect"),
    ],
    "scraped-police-straight-quotes.txt": [
        ("Полицейские задержали 35-летнего мужчину", "ГУ МВД", "indirect"),
        ("злоумышленник представлялся сотрудником банка", "следствие", "indirect"),
        ("задержанный уже был судим за аналогичные преступления", None, "indirect"),
        ("Он действовал по отработанной схеме", "Дарья Иванова", "direct"),
        ("его подзащитный вину не признает", "Игорь Соколов", "indirect"),
        ("Мы будем обжаловать арест", "Игорь Соколов", "direct"),
    ],
    "scraped-football-hyphens.txt": [
        ("Мы заслужили эту победу", "Валерий Карпин", "direct"),  # headline 'Карпин: “…”'
        ("Ребята выложились полностью", "Валерий Карпин", "direct"),
        ("Что скажете о судействе", None, "direct"),  # the interviewer: no speaker, no mention
        ("Претензий к арбитру нет", "Валерий Карпин", "direct"),
        ("матч дался тяжело", "Алексей Миранчук", "indirect"),
        ("Сербы играли жестко, но мы выдержали", "Алексей Миранчук", "direct"),
        ("Мы создали достаточно, но не забили", "Драган Стойкович", "direct"),
    ],
    "article-wire-dateline.txt": [
        ("Подачу воды в Кировском округе", "пресс-служба мэрии", "indirect"),  # not ТАСС of the dateline
        ("авария произошла на магистральном", "Сергей Мельников", "indirect"),
        ("Бригады работают без перерыва", "Сергей Мельников", "direct"),
        ("жителям бесплатно развезут", "Ольга Серова", "indirect"),
        ("Мы открыли шесть пунктов", "Ольга Серова", "direct"),  # 'добавила она'
        ("программу замены труб", "Антон Кравцов", "indirect"),  # not 'передает РИА Новости'
    ],
    "article-interview-questions.txt": [
        ("Виктор Петрович, как прошла зима", None, "direct"),  # the interviewer's question
        ("Зима была мягкой", "Виктор Лаптев", "direct"),
        ("Я думаю, рост будет", "Виктор Лаптев", "direct"),
        ("Мы заключили контракты", "Виктор Лаптев", "direct"),  # the answer's undashed paragraph
        ("Мы не боимся конкуренции. Наше", "Виктор Лаптев", "direct"),
    ],
    "article-interview-answers.txt": [
        ("Аппарат поступил в январе", "Елена Маркова", "direct"),
        ("Молодые врачи к нам идут", "Елена Маркова", "direct"),
    ],
    "article-sports-report.txt": [
        ("Сезон провален", "Антон Жуков", "direct"),
        ("восстановление займет не меньше месяца", "Илья Серов", "indirect"),  # 'Сам футболист'
        ("Мы проиграли заслуженно", "Марат Юсупов", "direct"),  # 'сказал наставник'
        ("Серов отправится на лечение", "Динамо", "indirect"),  # 'В клубе': the club named so
    ],
    "article-regional-press-service.txt": [
        ("на ремонт школ выделят", "пресс-служба губернатора Омской области", "indirect"),
        ("работы начнутся в июне", "пресс-служба губернатора Омской области", "indirect"),
        ("Спрос вернется к осени", "Марина Ковалева", "direct"),
        ("Цены на стройматериалы", "Марина Ковалева", "direct"),  # 'добавила эксперт'
        ("первыми отремонтируют школы", "Татьяна Дьякова", "indirect"),
        ("подрядчиков выберут", "Татьяна Дьякова", "indirect"),  # 'По ее словам'
    ],
    "article-interview-surname-labels.txt": [
        ("Зал будет полон", "Анна Гусева", "direct"),  # headline 'X: «…»'
        ("Анна Сергеевна, чего ждать", "Илья Мартынов", "direct"),  # 'Мартынов:' the interviewer
        ("Мы подготовили двенадцать", "Анна Гусева", "direct"),  # 'Гусева:' a surname label
        ("Нет, цены останутся прежними", "Анна Гусева", "direct"),
        ("Для студентов сохранятся скидки", "Анна Гусева", "direct"),  # answers a labelled question
        ("Ремонт закончат к марту", "Анна Гусева", "direct"),
    ],
    "article-interview-outlet-lead.txt": [  # 'X рассказал «Газете» о …', then undashed questions
        ("Мы не будем закрывать заводы", "Игорь Левин", "direct"),  # the headline 'Игорь Левин: «…»'
        ("Игорь Анатольевич, многие опасаются", None, "direct"),
        ("Нет. Мы не будем закрывать", "Игорь Левин", "direct"),
        ("А как же падение заказов", None, "direct"),
        ("Заказы действительно упали", "Игорь Левин", "direct"),
        ("Чего вы ждёте от властей", None, "direct"),
        ("Прежде всего стабильных правил", "Игорь Левин", "direct"),
    ],
    "article-interview-headline-label.txt": [  # 'Алексей Громов: «…»' above undashed questions
        ("Когда будет подписан контракт", None, "direct"),
        ("Мы рассчитываем завершить", "Алексей Громов", "direct"),
        ("Рынок газа сейчас стабилен", "Алексей Громов", "direct"),
    ],
    "article-interview-gave-interview.txt": [  # 'X дал интервью газете …': answers only
        ("В этом году мы построим", "Дмитрий Миляев", "direct"),
        ("Главная проблема области", "Дмитрий Миляев", "direct"),
    ],
    "article-interview-unquoted-outlet.txt": [  # 'X в интервью ИА Регнум рассказала': answers only
        ("Нам удалось сохранить", "Ольга Кузнецова", "direct"),
        ("В следующем году мы ждём", "Ольга Кузнецова", "direct"),
    ],
    "article-interview-in-outlet-lead.txt": [  # 'В интервью «Газете» X рассказал …', no headline
        ("Игорь Анатольевич, многие опасаются", None, "direct"),
        ("Нет. Мы не будем закрывать", "Игорь Левин", "direct"),
        ("Заказы действительно упали", "Игорь Левин", "direct"),
        ("Прежде всего стабильных правил", "Игорь Левин", "direct"),
    ],
    "article-interview-undashed-questions.txt": [
        ("Как вы оцениваете итоги года", None, "direct"),  # an undashed question after the lead
        ("Год был трудным", "Ирина Белова", "direct"),  # answers with no first person in them
        ("Автобусов станет больше", "Ирина Белова", "direct"),
        ("Новые остановки появятся", "Ирина Белова", "direct"),  # the answer's second paragraph
        ("Работы начнутся весной", "Ирина Белова", "direct"),
    ],
    "article-interview-qa-labels.txt": [
        ("Как прошла подготовка", None, "direct"),
        ("Сборы в горах прошли хорошо", "Дарья Зотова", "direct"),
        ("Тренеры довольны объемом", "Дарья Зотова", "direct"),  # an unlabelled paragraph of the answer
        ("Чемпионат страны в марте", "Дарья Зотова", "direct"),
    ],
    "article-wire-straight-quotes.txt": [
        ("Строительство нового корпуса", "Рустам Гарипов", "indirect"),  # 'сообщил ТАСС X'
        ("Мы уже закончили каркас здания", "Рустам Гарипов", "direct"),  # straight marks, interrupted
        ("Сейчас идут отделочные работы", "Рустам Гарипов", "direct"),
        ("в корпусе разместятся 200 коек", "Рустам Гарипов", "indirect"),
        ('Оборудование для отделения "Мать и дитя" поставит', "Рустам Гарипов", "direct"),  # straight nested
        ("Новый корпус позволит", "Лилия Хасанова", "direct"),  # colon, marks and final stop lost
        ("очереди на плановые операции", "Лилия Хасанова", "indirect"),
    ],
    "article-colon-paragraphs.txt": [
        ("В этом году отремонтируют", "Андрей Никитин", "direct"),  # 'он сказал:' then lost marks
        ("Мы будем строго спрашивать", "Андрей Никитин", "direct"),  # the next first-person paragraph
        ("в районах откроются", "Андрей Никитин", "indirect"),
    ],
    "article-hockey-hyphen-dialogue.txt": [
        ("Игра получилась нервной", "Максим Соколов", "direct"),
        ("Мы долго не могли забить", "Максим Соколов", "direct"),
        ("Соперник закрыл центр", "Максим Соколов", "direct"),  # 'добавил он'
        ("его команда заслуживала большего", "Олег Дронов", "indirect"),
        ("Мы проиграли из-за удаления", "Олег Дронов", "direct"),
        ("Ребята не виноваты", "Олег Дронов", "direct"),
    ],
    "article-interview-outlet-labels.txt": [
        ("Как вы оцениваете сезон", None, "direct"),  # '«Вестник»:' the outlet asks, never a speaker
        ("Сезон был трудным, но команда выросла", "Олег Зимин", "direct"),
        ("Что дальше", None, "direct"),
        ("Отпуск, потом сборы", "Олег Зимин", "direct"),
    ],
    "article-dash-interview-paragraphs.txt": [
        ("Олег Петрович, как вы оцениваете", None, "direct"),
        ("Сезон был трудным. Команда выросла", "Олег Зимин", "direct"),
        ("Теперь задача", "Олег Зимин", "direct"),  # the answer's undashed paragraph, no first person
        ("Пока рано говорить", "Олег Зимин", "direct"),  # a short answer to a question
        ("Белова и Кудрина", "Олег Зимин", "direct"),
    ],
}

NOT_QUOTED = {
    "article-wire-dateline.txt": ["ОМСК", "МОСКВА"],
    "article-interview-questions.txt": ["Фото", "поговорил с генеральным"],
    "article-interview-headline-label.txt": ["Экономика", "рассказал о новых контрактах", "Поделиться"],
    "article-interview-gave-interview.txt": ["Регион", "дал интервью", "Фото"],
    "article-interview-unquoted-outlet.txt": ["Экономика", "в интервью ИА Регнум", "Поделиться"],
    "article-interview-answers.txt": ["Беседовала", "О новом оборудовании", "О кадрах"],
    "article-sports-report.txt": ["уступил", "пропустил встречу"],
    "article-regional-press-service.txt": ["отремонтируют 40"],
    "article-interview-outlet-labels.txt": ["Интервью", "Вестник", "Поделиться"],
    "article-dash-interview-paragraphs.txt": ["Главная", "ответил на вопросы", "Беседовал", "Фото"],
    "article-interview-surname-labels.txt": [
        "Главная",
        "Поделиться",
        "12:40",
        "Фото",
        "ВКонтакте",
        "Читайте",
    ],
    "article-interview-undashed-questions.txt": ["Просмотров", "ответила на вопросы", "Поделиться"],
    "article-interview-qa-labels.txt": ["Спорт", "поговорил с", "Фото"],
    "article-wire-straight-quotes.txt": ["КАЗАНЬ", "Теги"],
    "article-colon-paragraphs.txt": ["провел прямую линию", "Отдельно губернатор"],
    "article-hockey-hyphen-dialogue.txt": ["Хоккей", "обыграл", "Поделиться", "Лучшим игроком", "Фото"],
    "scraped-metro-crlf.txt": ["Читайте также", "Новости", "Все права защищены", "В Москве открыли"],
    "scraped-mid-nbsp.txt": ["Теги", "Захарова назвала заявления Лондона", "В Форин-офисе"],
    "scraped-cbr-interview.txt": ["Центробанк сохранил ключевую ставку"],
    "scraped-duma-energy.txt": ["В Госдуме предложили", "Документ опубликован", "избыточным"],
    "scraped-football-hyphens.txt": ["Спорт", "Сборная России обыграла", "Следующий матч", "РФС"],
    "scraped-police-straight-quotes.txt": ["Главная", "Подписывайтесь", "Мошенничество"],
}


@pytest.fixture(scope="module")
def extracted():
    return extracted_articles(ARTICLES)


CASES = cases(ARTICLES)


@pytest.mark.parametrize(
    "name, quote, speaker, kind", CASES, ids=[f"{c[0][8:-4]}:{c[1][:25]}" for c in CASES]
)
def test_quotation_speaker_and_kind(extracted, name, quote, speaker, kind):
    _, frame = extracted[name]
    row = row_starting(frame, quote)
    assert row["kind"] == kind
    if speaker is None:
        assert pd.isna(row["speaker"])
        assert row["rule"] == "interview_question" or not pd.isna(row["speaker_mention"])
    else:
        assert row["speaker"] == speaker


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_offsets_index_the_raw_scraped_text(extracted, name):
    text, frame = extracted[name]
    check_contract(frame, text)


@pytest.mark.parametrize("name, debris", [(n, d) for n, ds in NOT_QUOTED.items() for d in ds])
def test_menus_headlines_and_widgets_are_not_quotations(extracted, name, debris):
    _, frame = extracted[name]
    assert not frame["quote"].str.contains(debris, regex=False).any()


def test_crlf_never_leaks_into_quotations(extracted):
    _, frame = extracted["scraped-metro-crlf.txt"]
    assert not frame["quote"].str.contains("\r").any()
    assert not frame["speaker"].dropna().str.contains("\xa0").any()
