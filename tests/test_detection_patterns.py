"""Detection only: which quotations a sentence pattern gives, and of which kind, grouped by phenomenon.

Each case is ``case(id, text, *rows)`` with rows ``(quote, kind)`` in text order: exactly these
quotations come out of ``quotextract.extract(text)`` (speakers are the attribution tables' job).
Quotes are compared without surrounding whitespace and ``.,;:!?…``, as in test_patterns.
"""

from __future__ import annotations

import string

import pytest

import quotextract

D, I = "direct", "indirect"
STRIP = string.whitespace + "\xa0" + ".,;:!?…"


def case(id: str, text: str, *rows: tuple, xfail: str | None = None):
    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
    return pytest.param(text, list(rows), id=id, marks=marks)


# fmt: off
CASES = [
    # CUES: phrases read as the text's words are read, both aspects, states
    case("phrase-with-vo", "Участники совещания сошлись во мнении, что тарифы придется пересмотреть.",
         ("тарифы придется пересмотреть", I)),
    case("phrase-imperfective", "Тренер давал понять, что состав команды не изменится.",
         ("состав команды не изменится", I)),
    case("imperfective-verb", "«Сезон получился тяжелым», — заключает Игорь Белов.",
         ("Сезон получился тяжелым", D)),
    case("state-of-agreement", "«Ждать больше нельзя», — согласна депутат Нина Орлова.",
         ("Ждать больше нельзя", D)),
    case("accusation-that", "Министр обвинил соседей в том, что они срывают переговоры.",
         ("они срывают переговоры", I)),
    case("second-person-is-the-readers", "Убедите инвесторов, что ваш проект — хорошее вложение.",),
    case("soglasno-which-is-no-cue", "С марта введен новый штраф, согласно которому водители платят вдвое больше.",),
    # CONTENT that runs on past a participle of a cue verb ('заключенные') describing a noun
    case("participle-inside-content", "Министр посетовал, что договоренности, заключенные весной, не выполняются.",
         ("договоренности, заключенные весной, не выполняются", I)),
    case("attribution-ends-content", "Производитель заявил, что цены вырастут, отметил аналитик.",
         ("цены вырастут", I)),
    # POSTPOSED ATTRIBUTIONS: the speaker's apposition is not content, a clause of its own is
    case("apposition-with-relative-clause", "«Полеты будут короткими», сказал Олег Зимин, бывший пилот, который теперь преподает в академии.",
         ("Полеты будут короткими", D)),
    case("clause-after-attribution", "Цены на жилье снизятся, сообщил аналитик Олег Зимин, но спрос восстановится нескоро.",
         ("Цены на жилье снизятся", I), ("но спрос восстановится нескоро", I)),
    case("gerund-clause-before-cue", "Выступая на форуме в Перми, Зимин предложил построить второй мост.",),
    case("gerund-clause-then-that", "Выступая на форуме в Перми, Зимин заявил, что мост построят к зиме.",
         ("мост построят к зиме", I)),
    # COLONS: a dash after the colon, a lowercase clause (reported content), a topic is no content
    case("colon-then-dash", "Тренер признался: - Игра получилась тяжелой.",
         ("Игра получилась тяжелой", D)),
    case("colon-lowercase-clause", "Премьер Дэвид Кэмерон предложил: если переговоры сорвутся, санкции ужесточат.",
         ("если переговоры сорвутся, санкции ужесточат", I)),
    case("colon-after-source-phrase", "После аварии, по утверждению водителя, он испугался:\nЯ не помню, как вышел из машины и сел на обочину.",
         ("он испугался", I), ("Я не помню, как вышел из машины и сел на обочину", D)),
    case("colon-after-person-line", "Губернатор Андрей Никитин подписал указ, которым ввел режим ЧС:\nВвести режим чрезвычайной ситуации на территории трех районов области.",
         ("Ввести режим чрезвычайной ситуации на территории трех районов области", D)),
    case("colon-after-person-noun", "Очевидец происшествия видел все своими глазами:\nМашина вылетела на тротуар и сбила столб.",
         ("Машина вылетела на тротуар и сбила столб", D)),
    case("colon-before-list", "Список победителей конкурса таков:\nПервое место заняла школа номер пять.",),
    case("colon-after-person-then-narration", "В комиссию вошли депутаты Иван Петров и Анна Белова:\nОни проверят все школы района до конца месяца.",),
    case("colon-after-topic", "Он рассказал о планах: стройке моста и ремонте дорог.",),
    case("colon-after-naming", "Министр назвал три причины: рост цен, падение спроса и слабый рубль.",),
    # OUTLETS relaying what a person did quote no one; their own analysis is their statement
    case("outlet-relays-narration", "Судья Анна Смирнова огласила приговор в среду, передает BFM.ru.",),
    case("outlet-relays-on-behalf", "Судья Анна Смирнова огласила приговор, сообщает ТАСС со ссылкой на пресс-службу суда.",
         ("Судья Анна Смирнова огласила приговор", I)),
    case("outlet-own-analysis", "Таким образом, регион может стать полигоном для новой реформы, пишет РБК.",
         ("Таким образом, регион может стать полигоном для новой реформы", I)),
    # WIRE DATELINES are never part of the content that follows them
    case("dateline-agency-in-brackets", "МОСКВА, 1 марта (Рейтер) - Центробанк сохранил ставку, заявила Эльвира Набиуллина.",
         ("Центробанк сохранил ставку", I)),
    case("dateline-agency-after-dash", "ВЛАДИВОСТОК, 5 июля - РИА Новости. Паромное сообщение восстановлено, сообщил представитель пароходства.",
         ("Паромное сообщение восстановлено", I)),
    case("dateline-agency-in-slashes", "ОМСК, 3 марта /ТАСС/ - Мост через Иртыш откроют в мае, сообщил мэр Омска.",
         ("Мост через Иртыш откроют в мае", I)),
    case("dateline-without-agency", "МОСКВА, 5 июля - Центробанк сохранил ставку, заявила Эльвира Набиуллина.",
         ("Центробанк сохранил ставку", I)),
    case("dateline-before-about-this", "ОМСК, 3 марта. /ТАСС/. Морозы продержатся до конца недели. Об этом сообщили синоптики.",
         ("Морозы продержатся до конца недели", I)),
    # SOURCE PHRASES between commas: the subject before them is content too, a joint or a name is not
    case("parenthetical-source", "Перенос сроков стройки, по словам инженера, обойдется городу в миллиард рублей.",
         ("Перенос сроков стройки", I), ("обойдется городу в миллиард рублей", I)),
    case("parenthetical-source-dash", "Закрытие старого рынка, по мнению экспертов, — это удар по фермерам.",
         ("Закрытие старого рынка", I), ("это удар по фермерам", I)),
    case("parenthetical-after-joint", "Жалобы были, но, как пояснили в управе, единичные и мелкие.",
         ("единичные и мелкие", I)),
    case("one-word-after-inserted-source", "Задержания были, но, как пояснили в полиции, профилактические.",
         ("профилактические", I)),
    case("one-word-after-opening-source", "Как сообщил Иванов, завтра.",),
    case("parenthetical-after-connective", "Вместе с тем, по его словам, давления на суд никто не оказывал.",
         ("давления на суд никто не оказывал", I)),
    case("parenthetical-after-source-name", "На вокзале Петров, с его слов, купил билет до Самары.",
         ("купил билет до Самары", I)),
    case("after-that-as-no-source", "Комиссию создали после того, как жители пожаловались на запах гари.",),
    # A CUE WITH ITS OWN TOPIC ('объявил о переименовании'): a 'что' after it is relative, and
    # 'Об этом …' after it points back to the act, not to content
    case("topic-then-relative-that", "Король объявил о переименовании страны, что вызвало споры. Об этом он объявил на церемонии.",),
    case("about-that-is-content", "Министр сообщил о том, что цены вырастут.",
         ("цены вырастут", I)),
    # BACK REFERENCES over captions
    case("about-this-over-caption", "Мост через Иртыш откроют в августе.\nМост через Иртыш\nОб этом заявил мэр Омска Сергей Шелест.",
         ("Мост через Иртыш откроют в августе", I)),
    case("about-this-over-two-captions", "Мост через Иртыш откроют в августе.\nФото: архив\nСергей Шелест\nОб этом сообщил мэр.",
         ("Мост через Иртыш откроют в августе", I)),
    # ATTRIBUTIONS by inversion: any verb right after the dash with its subject after it
    case("inverted-verb-after-marks", "«Мы точно готовы?» — переспросил Петров.",
         ("Мы точно готовы?", D)),
    case("inverted-verb-dash-line", "— Ничего не поделаешь, — вздохнул тренер.",
         ("Ничего не поделаешь", D)),
    case("inverted-verb-interrupted", "«Посмотрим, — усмехнулся он, — кто будет смеяться последним».",
         ("Посмотрим", D), ("кто будет смеяться последним", D)),
    case("inverted-verb-subject-later", "«Судья отменил чистый гол», — возмущался после игры капитан команды.",
         ("Судья отменил чистый гол", D)),
    case("verb-with-object-after-marks", "Команда выиграла «Кубок Содружества» — обыграла соперников в финале.",),
    # HYPHENS as dashes, spaced or tight
    case("tight-hyphens", "-Мы готовы, -сказал он. -Но позже.",
         ("Мы готовы", D), ("Но позже", D)),
    case("tight-hyphens-in-marks", '"Мы готовы, -сказал он, -но позже".',
         ("Мы готовы", D), ("но позже", D)),
    case("minus-sign-is-no-dash", "— Температура -5 градусов, — сказал он. — Холодно.",
         ("Температура -5 градусов", D), ("Холодно", D)),
    case("lost-comma-before-dash", "Мы хотим усилить оборону - отметил тренер Олег Зимин.",
         ("Мы хотим усилить оборону", D)),
    case("dash-before-no-cue", "На последней минуте счет стал равным - забил нападающий Петров.",),
    case("hyphen-run-into-the-comma", "Министр поздравил победителей. -Это лучший результат,- сказал он.",
         ("Это лучший результат", D)),
    # LOST COMMAS before a verb and a pronoun ending the sentence; not after a function word
    case("lost-comma-before-pronoun", "Автобусы будут ходить по набережным сказал он.",
         ("Автобусы будут ходить по набережным", I)),
    case("lost-comma-after-a-conjunction-is-none", "Именно это и сказал он.",),
    # QUOTE MARKS: a quoted paragraph announced by the one before, a short quotation resuming another
    case("announced-quoted-paragraph", "Глава района Петр Кротов сказал:\n«Дорогу откроют в пятницу.\nДвижение будет двусторонним».",
         ("Дорогу откроют в пятницу", D), ("Движение будет двусторонним", D)),
    case("short-quote-resumes", '"Это наша общая победа", - сказал Белых. "Ребята сыграли здорово".',
         ("Это наша общая победа", D), ("Ребята сыграли здорово", D)),
    case("short-quote-resumes-after-dash", "«Это победа», — сказал Белых. — «Ребята молодцы».",
         ("Это победа", D), ("Ребята молодцы", D)),
    case("title-after-attribution", "«Это победа», — сказал Белых. «Единая Россия» поддержала закон.",
         ("Это победа", D)),
    case("last-paragraph-of-a-long-quotation-is-whole",
         "Министр провел совещание.\n\n«Ситуация стабилизировалась. Уровень воды остается высоким.\n\n"
         "Мы продолжаем работу. Привлечены три тысячи человек», — сказал глава МЧС.",
         ("Ситуация стабилизировалась. Уровень воды остается высоким", D),
         ("Мы продолжаем работу. Привлечены три тысячи человек", D)),
    # ... and a name or phrase quoted inside a sentence is part of the sentence said, not its quotation
    case("quoted-name-inside-postposed-speech", "Но игрок выбрал «Локомотив», добавил его представитель.",
         ("Но игрок выбрал «Локомотив»", I)),
    case("quoted-phrase-inside-postposed-speech", "Закон принят «в спешке», считает депутат Олег Нилов.",
         ("Закон принят «в спешке»", I)),
    # VERBATIM CONTENT: reported content wholly inside one pair of marks is direct, without them
    case("that-then-marks", "Глава региона отметил, что «аварийные бригады работают круглосуточно».",
         ("аварийные бригады работают круглосуточно", D)),
    case("source-phrase-then-marks", 'По словам главы региона, "аварийные бригады работают круглосуточно".',
         ("аварийные бригады работают круглосуточно", D)),
    case("that-then-two-quoted-titles", "Тренер заявил, что «Зенит» и «Спартак» сыграют вничью.",
         ("«Зенит» и «Спартак» сыграют вничью", I)),
    case("colon-dash-then-marks", "О планах рассказал директор завода Олег Ветров: — «Мы наберём двести рабочих».",
         ("Мы наберём двести рабочих", D)),
    case("dash-line-lost-comma-before-attribution", "- Так играть нельзя - признался тренер Олег Ветров.",
         ("Так играть нельзя", D)),
    case("quoted-headline-then-name", "«Мы готовы к любому развитию событий» — Петров",
         ("Мы готовы к любому развитию событий", D)),
    case("quoted-headline-then-name-and-topic", "«Мы готовы к любому развитию событий» — Петров о переговорах",
         ("Мы готовы к любому развитию событий", D)),
    case("headline-hyphen-name-and-topic", '"Цены на хлеб не вырастут" - Петров о новом урожае',
         ("Цены на хлеб не вырастут", D)),
    # LOST MARKS: where speech attributed by a dash after it begins in its paragraph
    case("lost-marks-speech-opens-with-first-person-cue",
         "Губернатор выступил на сессии. Считаю главной задачей ремонт школ. Деньги на это есть, - сказал он.",
         ("Считаю главной задачей ремонт школ. Деньги на это есть", D)),
    case("lost-marks-speech-speaks-of-places",
         "Министр прилетел в Афины. Потери Греции от санкций велики. Мы ждем помощи от Европы, - сказал он.",
         ("Потери Греции от санкций велики. Мы ждем помощи от Европы", D)),
    case("lost-marks-narration-describing-an-actor-is-not-speech",
         "Газета ссылается на источники в Турции. Запись подлинная, ее проверили, - заявил источник.",
         ("Запись подлинная, ее проверили", D)),
    case("lost-marks-narration-with-a-source-phrase-is-not-speech",
         "По словам мэра, тоннель готов на 70%. Мы выходим на финишную прямую, - сказал Метшин.",
         ("тоннель готов на 70%", I), ("Мы выходим на финишную прямую", D)),
    case("lost-marks-attribution-hyphen-run-into-verb",
         "Все конструкции уже смонтированы, остались отделочные работы, -сказал Травников журналистам.",
         ("Все конструкции уже смонтированы, остались отделочные работы", D)),
    case("lost-comma-before-a-verb-and-a-final-name",
         "Я не могу назвать соперника, переговоры еще идут сказал Корнилов",
         ("Я не могу назвать соперника, переговоры еще идут", I)),
    case("lost-comma-not-an-object-before-its-verb-and-subject",
         "Информацию о задержании подтвердил Иван Петров."),
    case("lost-comma-not-a-name-in-another-case", "После долгой встречи в Кремле президент сказал Лаврову."),
    case("lost-comma-after-a-genitive-source-before-a-first-name",
         "По словам промоутера Дмитрий готовится в Калифорнии и находится в отличной форме",
         ("Дмитрий готовится в Калифорнии и находится в отличной форме", I)),
    case("lost-marks-speech-over-two-paragraphs",
         "Мы уже выделили деньги на проектирование.\n\nРаботы начнутся летом, - добавил министр Роман Новиков.",
         ("Мы уже выделили деньги на проектирование", D), ("Работы начнутся летом", D)),
    case("lost-marks-comma-attribution-first-person-before",
         "Мы готовились всю неделю. Знали, что соперник силен на флангах, сказал тренер Олег Рябов.",
         ("Мы готовились всю неделю. Знали, что соперник силен на флангах", D)),
    case("comma-attribution-narration-before-stays-indirect",
         "Со времен основания клуба до наших дней болельщики ждали кубка. Трофей вернется в город, сказал тренер Олег Рябов.",
         ("Трофей вернется в город", I)),
    case("lost-marks-narration-paragraph-before-speech",
         "Министр Роман Новиков приехал в Самару.\n\nРаботы начнутся летом, - сказал он.",
         ("Работы начнутся летом", D)),
    # DATELINES of wire copy: the agency's, never the quotation's
    case("dateline-interfax", "Москва. 5 октября. INTERFAX.RU - Цены вырастут с июля, заявил министр Петров.",
         ("Цены вырастут с июля", I)),
    case("dateline-agency-after-time",
         "Новосибирск, 3 марта 2024, 14:05 — ИА REGNUM Цены вырастут с июля, заявил министр Петров.",
         ("Цены вырастут с июля", I)),
    case("tight-hyphen-lost-comma-ends-a-dash-line",
         "- Мы смотрели видео всю неделю. Знали их схемы наизусть -признался нападающий Олег Рябов.",
         ("Мы смотрели видео всю неделю. Знали их схемы наизусть", D)),
    case("quoted-name-opens-speech-with-its-own-attribution",
         "«Спартак» — великий клуб, — заявил новичок команды Иван Петров.",
         ("Спартак» — великий клуб", D)),
    case("quoted-name-opens-speech-straight-hyphens",
         '"Спартак" - великий клуб, - заявил новичок команды Иван Петров.',
         ('Спартак" - великий клуб', D)),
    # SOURCES one after another in a sentence: each its own content
    case("second-source-after-a-joint",
         "По мнению эксперта, цены вырастут, а по данным Росстата, уже выросли на 5%.",
         ("цены вырастут", I), ("уже выросли на 5%", I)),
    case("source-after-reported-content",
         "Министр заявил, что цены стабилизируются, но, по словам аналитиков, они вырастут.",
         ("цены стабилизируются", I), ("они вырастут", I)),
    case("source-phrase-in-a-relative-clause-stays-content",
         "Как пояснил адвокат, признание поможет его клиенту, который, согласно решению суда, должен быть выдан.",
         ("признание поможет его клиенту, который, согласно решению суда, должен быть выдан", I)),
    case("as-compares-a-quoted-name-before-the-attribution",
         "Так нельзя играть против такой команды, как Спартак, — сказал Рахимов после матча.",
         ("Так нельзя играть против такой команды, как Спартак", D)),
    # SCRAPING DEBRIS: a link line, wiki italics
    case("link-line-with-quoted-title", "Читайте также: «Дороги станут лучше»: что обещают власти",),
    case("wiki-italics-after-colon", "В пресс-службе губернатора сообщили: ''«Работы на мосту завершатся к лету»''.",
         ("Работы на мосту завершатся к лету", D)),
    # LOST COMMAS before 'что' after whom or when it was said; a pronoun 'что-то' is no content
    case("lost-comma-that-after-addressee", "Олег Рябов заявил журналистам что команда будет работать над ошибками.",
         ("команда будет работать над ошибками", I)),
    case("lost-comma-that-after-time-and-agency", "Олег Рябов сообщил в среду ТАСС что завод откроют летом.",
         ("завод откроют летом", I)),
    case("lost-comma-that-after-a-correlative-is-relative", "Свидетель рассказал всё что знал о поджоге склада.",),
    case("pronoun-chto-to-is-no-content", "Нападающий сказал что-то судье и получил желтую карточку.",),
    # A DASH standing for the colon after a speech verb; a title after a dash is no speech
    case("dash-for-colon-after-cue", "Министр отметил — «Мы не допустим роста цен на бензин».",
         ("Мы не допустим роста цен на бензин", D)),
    case("hyphen-for-colon-after-cue", "Тренер признался - «Мы рассчитывали на ничью в этом матче».",
         ("Мы рассчитывали на ничью в этом матче", D)),
    case("title-after-dash-and-cue", "Вместе с клипом певец анонсировал название альбома — «Прикуп».",),
    case("dash-after-cue-and-comma-is-no-colon",
         "Министр отметил, что цены вырастут, — «Роснефть» уже объявила о планах.",
         ("цены вырастут", I)),
    # PARAGRAPHS a quotation runs over: only its first opening mark and its last closing one printed
    case("open-quotation-over-an-unmarked-paragraph",
         "«Выплаты начнутся в мае.\n\nКаждая семья получит помощь.\n\nКомиссии будут работать без выходных», — сказал губернатор Олег Рябов.",
         ("Выплаты начнутся в мае", D), ("Каждая семья получит помощь", D), ("Комиссии будут работать без выходных", D)),
    case("closed-quotation-leaves-the-next-paragraph-narration",
         "«Выплаты начнутся в мае», — сказал губернатор Олег Рябов.\n\nКаждая семья получит помощь.\n\nКомиссии будут работать без выходных».",
         ("Выплаты начнутся в мае", D)),
    # BACK REFERENCES whose cue stands further in, the clause unbroken
    case("back-reference-cue-after-a-long-place",
         "Мост откроют к зиме. Об этом на заседании правительства республики сообщил министр Олег Рябов.",
         ("Мост откроют к зиме", I)),
    case("back-reference-cue-after-a-dash-is-not-its-own",
         "Мост откроют к зиме. Об этом в городе мечтали много лет — и вот мэр Олег Рябов заявил журналистам в мэрии.",),
    # 'Это' as the object of a past-tense speech verb points back; as its subject it does not
    case("this-as-object-points-back",
         "Фигуристка завершила карьеру после травмы. Это сообщила мать спортсменки Ольга Рябова.",
         ("Фигуристка завершила карьеру после травмы", I)),
    case("this-as-object-plural-verb",
         "Завод остановят на ремонт в июле. Это же подтвердили в профсоюзе предприятия.",
         ("Завод остановят на ремонт в июле", I)),
    case("this-as-subject-is-no-back-reference",
         "Завод остановят на ремонт в июле. Это сказалось на планах поставщиков.",),
    # APPOSITIONS after a source phrase hold no predicate
    case("genitive-name-in-content-is-no-apposition",
         "По мнению адвоката, вина Петрова не доказана, а ремонт должен был провести фонд.",
         ("вина Петрова не доказана, а ремонт должен был провести фонд", I)),
    case("credit-after-the-dash-in-its-sentence",
         "«Дефицит бюджета в этом году не превысит 3%», — Олег Рябов, глава комитета по бюджету.",
         ("Дефицит бюджета в этом году не превысит 3%", D)),
    case("title-credited-to-its-author-is-no-quotation", "«Брат» — Алексей Балабанов, 1997 год.",),
    case("attribution-in-brackets-after-the-mark",
         "«Ситуация под контролем» (так прокомментировал происшествие глава района Олег Рябов).",
         ("Ситуация под контролем", D)),
    case("bracketed-narration-after-a-title", "Театр покажет «Грозу» (премьера состоялась в мае).",),
    case("attribution-on-the-line-below", "«Мы готовы к переговорам с профсоюзом»,\n— заявил директор завода Олег Рябов.",
         ("Мы готовы к переговорам с профсоюзом", D)),
    case("embedded-post-signature-is-no-dash-line",
         "«Пострадавших нет», — написал губернатор Олег Рябов в Twitter.\n— Олег Рябов (@ryabov_gov) 5 марта 2024 г.",
         ("Пострадавших нет", D)),
    case("wiki-italics-before-cue", "''«Мы готовы к любому сопернику»'', — сказал тренер Павел Зуев.",
         ("Мы готовы к любому сопернику", D)),
]
# fmt: on


@pytest.mark.parametrize("text, rows", CASES)
def test_detected(text, rows):
    frame = quotextract.extract(text)
    found = [(quote.strip(STRIP), str(kind)) for quote, kind in zip(frame["quote"], frame["kind"])]
    assert found == [(quote.strip(STRIP), kind) for quote, kind in rows]


def test_quoted_paragraphs_announced_by_a_colon_line_are_the_announcers():
    """The region of a quotation announced by 'X сказал:' on the line before is that line."""
    text = "Глава района Петр Кротов сказал:\n«Дорогу откроют в пятницу.\nДвижение будет двусторонним»."
    frame = quotextract.extract(text)
    assert list(frame["speaker"]) == ["Петр Кротов", "Петр Кротов"]
