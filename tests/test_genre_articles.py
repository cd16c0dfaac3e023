"""Whole invented articles of genres the other article tests lack: court reports (prosecutor,
lawyer, judge, a document quoted), a ministry briefing of three officials, a theatre review, a
science item, an election night, an emergency report of unnamed sources, a volleyball press
conference with hyphens for dashes and lost commas, a regional page with CRLF, non-breaking
spaces and debris, „German“ and “English” marks among «», an address quoted over three
paragraphs with only its first opening mark and its last closing one, a football report whose
marks a scraper stripped, a page whose lines break before and inside attributions, with an
embedded post's signature, a feature's dash dialogue, and a regional page among its debris
(tags, a source line, a caption, an invitation to subscribe, a byline, readers' comments). Each expected row is (quote, speaker, kind); a quote is matched
by the start of its text."""

import pandas as pd
import pytest
from articles import cases, extracted_articles, row_starting
from conftest import check_contract

ARTICLES = {
    "genre-court-sentence.txt": [
        ("Суд согласился с позицией государственного обвинения", "Валентина Сурмина", "direct"),
        ("в 2021 году чиновник получил от подрядчика", "Валентина Сурмина", "indirect"),
        ("суд также назначил осужденному штраф", "Валентина Сурмина", "indirect"),
        ("защита обжалует приговор", "Эдуард Ляпунов", "indirect"),
        ("Мы считаем приговор чрезмерно суровым", "Эдуард Ляпунов", "direct"),
        ("Я никогда не брал денег", "Глеб Осокин", "direct"),
        ("подсудимый \"не принял мер", "Ирина Гладышева", "indirect"),
        ("приговор еще не вступил в законную силу", "пресс-служба суда", "indirect"),
    ],
    "genre-court-arrest.txt": [  # 'По мнению адвоката, вина Абаськина не доказана': content, no apposition
        ("Абаськин знал об аварийном состоянии кровли", "следствие", "indirect"),
        ("обвиняемый может скрыться", "суд", "indirect"),
        ("жильцы не менее пяти раз жаловались", "Лидия Камнева", "indirect"),
        ("вина Абаськина не доказана, а ремонт крыши", "Рустам Гайнутдинов", "indirect"),
        ("Мой подзащитный направлял письма", "Рустам Гайнутдинов", "direct"),
        ("кровля дома была включена в программу", "фонд капитального ремонта края", "indirect"),
        ("Никаких обращений от управляющей компании", "Евгения Ротарь", "direct"),
    ],
    "genre-ministry-briefing.txt": [
        ("аграрии уже собрали 128 млн тонн зерна", "Аркадий Бельский", "indirect"),
        ("Это на 6% больше", "Аркадий Бельский", "direct"),
        ("экспортная пошлина на пшеницу", "Аркадий Бельский", "indirect"),
        ("урожай подсолнечника может стать рекордным", "Ольга Ферапонтова", "indirect"),
        ("Мы ожидаем не менее 17 млн тонн", "Ольга Ферапонтова", "direct"),
        ("посевные площади под масличными", "Ольга Ферапонтова", "indirect"),
        ("Цены на хлеб в розничных сетях", "Ренат Зиятдинов", "direct"),
        ("Мы внимательно следим за ситуацией", "Ренат Зиятдинов", "direct"),
    ],
    "genre-theatre-premiere.txt": [
        ("Чехова у нас привыкли играть", "Мирон Лагутин", "direct"),
        ("от сада на сцене остались только пни", "Дарья Свиридова", "indirect"),
        ("репетиции дались труппе непросто", "Нина Корбут", "indirect"),
        ("Мы спорили о каждой сцене", "Нина Корбут", "direct"),
        ("Зато теперь я понимаю", "Нина Корбут", "direct"),
        ("премьера станет главным событием сезона", "Владислав Ермаков", "indirect"),
        ("билеты на ближайшие показы уже распроданы", "Владислав Ермаков", "indirect"),
    ],
    "genre-science-researchers.txt": [
        ("обычные перовскиты быстро разрушаются", "Евгений Шабанов", "indirect"),
        ("Нам удалось решить эту проблему", "Евгений Шабанов", "direct"),
        ("технология синтеза достаточно дешевая", "Алина Мухаметова", "indirect"),
        ("Мы не используем ни редких металлов", "Алина Мухаметова", "direct"),
        ("до промышленного применения пройдет", "Константин Вейс", "indirect"),
        ("Лабораторный образец и серийная панель", "Константин Вейс", "direct"),
        ("В следующем году мы начнем испытания", "Евгений Шабанов", "direct"),  # '«…». Об этом рассказал X.'
    ],
    "genre-election-night.txt": [
        ("После обработки 80% протоколов", "Лариса Гребнева", "indirect"),
        ("Спасибо всем, кто пришел на участки", "Станислав Кудимов", "direct"),
        ("штаб зафиксировал нарушения на 14 участках", "Максим Ясенев", "indirect"),
        ("Ни одной официальной жалобы", "Лариса Гребнева", "direct"),
        ("Мы будем добиваться пересчета", "Максим Ясенев", "direct"),  # '«…». Так Ясенев ответил …'
    ],
    "genre-typhoon-emergency.txt": [
        ("Более 2 тыс. жителей Приморского края", "ГУ МЧС", "indirect"),
        ("В пунктах временного размещения", "ГУ МЧС", "direct"),
        ("вода в его поселке поднялась за два часа", "Олег Пасечник", "indirect"),
        ("Мы успели только документы забрать", "Олег Пасечник", "direct"),
    ],
    "genre-volleyball-press-hyphens.txt": [  # '… наизусть -признался волейболист.': the hyphen run into the verb
        ("Соперник был сильнее на приеме", "Всеволод Пашутин", "direct"),
        ("Нужно работать дальше", "Всеволод Пашутин", "direct"),
        ("После второй партии многие бы сломались", "Константин Юркевич", "direct"),
        ("команда долго готовилась именно к этой игре", "Богдан Щеглов", "indirect"),
        ("Мы смотрели видео Казани всю неделю", "Богдан Щеглов", "direct"),
    ],
    "genre-hospice-scraped-crlf.txt": [  # 'Об этом на заседании правительства республики сообщил X'
        ("Первый в\xa0Чувашии детский хоспис откроется", "Ильдар Хуснутдинов", "indirect"),
        ("здание на\xa012 коек уже отремонтировано", "Ильдар Хуснутдинов", "indirect"),
        ("Мы долго искали подходящее помещение", "Ильдар Хуснутдинов", "direct"),
        ("Сейчас семьи вынуждены возить детей", "Марьяна Осипова", "direct"),
    ],
    "genre-ambassador-mixed-marks.txt": [
        ("его страна заинтересована в прямом авиасообщении", "Мартин Ыунапуу", "indirect"),
        ("Сейчас путь из Таллина в Астану", "Мартин Ыунапуу", "direct"),
        ("Решение уже принято", "Мартин Ыунапуу", "direct"),
        ("товарооборот двух стран", "Мартин Ыунапуу", "indirect"),
        ("Мы готовы делиться опытом", "Мартин Ыунапуу", "direct"),
        ("Казахстан остается для нас ключевым партнером", "Мартин Ыунапуу", "direct"),  # '», — Name, title.'
    ],
    "genre-football-lost-marks.txt": [  # marks lost: 'Мы …. Знали, что …, сказал Кононов' is all his
        ("Мы хорошо подготовились к этому матчу", "Олег Кононов", "direct"),
        ("травма Фомина оказалась не такой серьезной", "Олег Кононов", "indirect"),
        ("Сегодня мы были хуже во всех компонентах", "Эдуард Мор", "direct"),
        ("клуб не планирует зимой менять состав", "Эдуард Мор", "indirect"),
        ("Победа важна для турнирной таблицы", "Денис Абрамович", "direct"),
    ],
    "genre-strike-broken-lines.txt": [  # CRLF lines broken before '— заявил X' and inside 'сказал / X'
        ("Мы готовы к переговорам с профсоюзом", "Аркадий Пронин", "direct"),
        ("средняя зарплата на предприятии", "Аркадий Пронин", "indirect"),
        ("Забастовка — крайняя мера", "Виталий Огарёв", "direct"),
        ("в забастовке примут участие", "Виталий Огарёв", "indirect"),
        ("Завод не остановится", "Аркадий Пронин", "direct"),
        ("Все заказы будут выполнены в срок", "Аркадий Пронин", "direct"),
    ],
    "genre-ferryman-feature.txt": [  # a feature's dash dialogue; a lone dash line after 'Сам Тюрин …'
        ("Раньше нас тут было трое", "Геннадий Тюрин", "direct"),
        ("Потом Петрович умер", "Геннадий Тюрин", "direct"),
        ("Обещают. Лет тридцать", "Геннадий Тюрин", "direct"),
        ("проект моста есть", "Надежда Ключевская", "indirect"),
        ("в 2026 году район снова подаст заявку", "Надежда Ключевская", "indirect"),
        ("Он и в отпуск не ходит", "Валентина Степановна", "direct"),
        ("Пока руки держат штурвал", "Геннадий Тюрин", "direct"),
    ],
    "genre-park-scraped-debris.txt": [  # menus, tags, a source line, a caption, ads, a byline, comments
        ("Работы завершат к 9 мая", "Дмитрий Махиня", "indirect"),
        ("Сад — главное место памяти", "Дмитрий Махиня", "direct"),
    ],
    "genre-governor-address-paragraphs.txt": [  # «… over a paragraph without marks to … », — сказал
        ("Я понимаю, как вам тяжело", "Вадим Шумков", "direct"),
        ("Выплаты начнутся уже на следующей неделе", "Вадим Шумков", "direct"),
        ("Я лично буду контролировать", "Вадим Шумков", "direct"),
    ],
}

NOT_QUOTED = {
    "genre-court-sentence.txt": ["ТВЕРЬ", "Ранее прокуратура"],
    "genre-court-arrest.txt": ["Сам Абаськин", "Следственный комитет возбудил"],
    "genre-ministry-briefing.txt": ["На брифинге"],
    "genre-theatre-premiere.txt": ["Следующий показ", "говорит актриса"],
    "genre-science-researchers.txt": ["Исследование поддержано", "Независимые эксперты"],
    "genre-typhoon-emergency.txt": ["ВЛАДИВОСТОК"],
    "genre-volleyball-press-hyphens.txt": ["признался", "Следующий матч"],
    "genre-hospice-scraped-crlf.txt": ["Главная", "Просмотров", "Фото", "Поделиться", "Читайте также"],
    "genre-ambassador-mixed-marks.txt": ["надежными партнерами"],
    "genre-football-lost-marks.txt": ["сказал Кононов", "остался доволен", "признал превосходство"],
    "genre-strike-broken-lines.txt": ["заявил директор", "председатель профкома", "Опубликовано", "\r"],
    "genre-ferryman-feature.txt": ["Каждое утро", "Паром ходит", "Сам Тюрин"],
    "genre-park-scraped-debris.txt": [
        "Новости", "Теги", "Источник", "На фото", "Реклама", "Все новости Томска", "Автор", "Давно пора", "А деньги",
    ],
    "genre-governor-address-paragraphs.txt": ["видеообращение", "сказал губернатор"],
}


@pytest.fixture(scope="module")
def extracted():
    return extracted_articles(ARTICLES)


CASES = cases(ARTICLES)


@pytest.mark.parametrize(
    "name, quote, speaker, kind", CASES, ids=[f"{c[0][6:-4]}:{c[1][:25]}" for c in CASES]
)
def test_quotation_speaker_and_kind(extracted, name, quote, speaker, kind):
    _, frame = extracted[name]
    row = row_starting(frame, quote)
    assert row["kind"] == kind
    assert row["speaker"] == speaker


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_offsets_index_the_raw_text(extracted, name):
    text, frame = extracted[name]
    check_contract(frame, text)


@pytest.mark.parametrize("name, debris", [(n, d) for n, ds in NOT_QUOTED.items() for d in ds])
def test_narration_debris_and_attributions_are_not_quotations(extracted, name, debris):
    _, frame = extracted[name]
    assert not frame["quote"].str.contains(debris, regex=False).any()


def test_a_quotation_over_unmarked_paragraphs_is_one_record_per_paragraph(extracted):
    _, frame = extracted["genre-governor-address-paragraphs.txt"]
    assert list(frame["speaker"]) == ["Вадим Шумков"] * 3 + ["МЧС"]
    assert frame["quote"].iloc[2].startswith("Я лично буду контролировать")
