/** Word lists for organizations: kind nouns, descriptors before names, well-known names. */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Nouns that head an organization's own name when capitalized («Конституционный суд»). */
export const ORG_KINDS = words(`
  министерство ведомство служба агентство комитет комиссия совет суд дума собрание парламент
  правительство администрация мэрия префектура управа партия движение фронт союз альянс
  организация компания корпорация банк фонд университет институт академия школа гимназия лицей
  колледж училище консерватория театр музей библиотека галерея филармония центр отделение
  управление департамент отдел бюро палата конгресс сенат церковь епархия федерация ассоциация
  общество объединение клуб сборная команда завод фабрика комбинат концерн холдинг группа
  инспекция прокуратура полиция милиция армия гвардия флот госпиталь больница поликлиника
  биржа служба станция электростанция архив редакция издательство телеканал радиостанция
  агентство миссия представительство посольство консульство штаб трибунал меджлис кнессет
  бундестаг хурал курултай ассамблея лига орден братство синод патриархат уния содружество
  организация корпус фракция профсоюз трест кооператив консорциум синдикат телекомпания
  телерадиокомпания госкорпорация казначейство коллегия полк бригада дивизия лаборатория
  обсерватория семинария факультет кафедра оркестр ансамбль киностудия
`);

/** Nouns and legal forms after which a quoted or capitalized name is an organization. */
export const ORG_DESCRIPTORS = words(`
  компания корпорация концерн холдинг фирма банк фонд партия движение организация объединение
  газета журнал еженедельник ежемесячник издание издательство телеканал канал радиостанция радио
  агентство информагентство портал сайт сервис клуб команда группа театр институт центр союз
  ассоциация общество предприятие завод фабрика комбинат магазин сеть ресторан гостиница отель
  фк хк пфк фракция блок профсоюз телекомпания телерадиокомпания госкорпорация кинокомпания
  киностудия нии окб нпо гк фгбу фгбоу чоп интернет-издание интернет-портал
  иа оао зао ооо пао ао нко ано гуп муп фгуп фгуп гбу гоу мбоу тоо чп ип
  авиакомпания автоконцерн производитель оператор провайдер разработчик студия лейбл
`);

/** Verbs and nouns after which a quoted name is a news source («сообщает «Интерфакс»). */
export const SOURCE_WORDS = words(`
  сообщать передавать писать цитировать информировать интервью сообщение сайт публикация
  корреспондент слово данные сведение
`);

/** Well-known organizations written as one word, lower case (lemma or the word itself). */
export const KNOWN_ORGS = words(`
  интернет евросоюз еврокомиссия европарламент газпром роснефть лукойл сбербанк аэрофлот
  ростелеком яндекс интерфакс итар-тасс тасс риа гринпис интерпол юнеско юнисеф нато оон
  госдума мосгордума центробанк минфин минобороны минздрав минюст минтранс минэнерго минкультуры
  минобрнауки минпромторг минсельхоз минэкономразвития минсвязи минприроды мчс мид госдеп
  госдепартамент пентагон роскосмос росатом ростех росстат роспотребнадзор роскомнадзор
  рособрнадзор ростуризм росавиация росимущество россельхознадзор гибдд фсб фсо свр гру
  майкрософт гугл фейсбук твиттер эппл самсунг сони тойота фольксваген мерседес феррари
  макдоналдс билайн мегафон мтс скайп википедия ютуб интел нокиа сименс боинг аэробус
  архнадзор мемориал гринпис хезболла хамас талибан аль-каида аль-кайда фэйсбук фатх евроклуб спартак зенит
  цска динамо локомотив ювентус
  белта рейтер блумберг би-би-си си-эн-эн лента.ру коммерсант коммерсантъ ведомости известия
  рбк росбалт регнум фонтанка укринформ альфа-банк автоваз камаз норникель северсталь мечел
  русал евраз татнефть сургутнефтегаз транснефть вымпелком роснано мосэнерго евразэс
`);

/** Multi-word well-known names, lemmas joined by spaces. */
export const KNOWN_ORG_PHRASES = words(`
  голос|америка радио|свобода эхо|москва русский|служба ассошиэйтед|пресс франс|пресс
  риа|новость международный|амнистия аль|каида единый|россия справедливый|россия большой|театр
  новый|газета эхо|москва первый|канал российский|газета комсомольский|правда
  московский|комсомолец красный|крест всемирный|банк мариинский|театр
`);

/** English given names: a capitalized Latin word after one of these starts a person. */
export const LATIN_GIVEN_NAMES = words(`
  john james robert michael william david richard joseph thomas charles christopher daniel
  matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward
  ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
  scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry tyler
  aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith
  christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe
  jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent
  russell elijah louis bobby philip johnny barry joel bill tom tim jim bob steve mike dave
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
  margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
  stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
  nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
  heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
  megan cheryl andrea hannah martha jacqueline frances gloria ann kathryn alice jean doris
  jürgen garrett sami bilal khaled ahmed mohammed muhammad ali omar hans klaus jean pierre jacques francois
  giovanni marco luca carlos miguel pedro diego ivan sergey alexey dmitry vladimir igor
`);

/** Capitals that are common abbreviations or legal forms, not organizations by themselves. */
export const NOT_ORG_ABBREVIATIONS = new Set(
  'СМИ ОАО ЗАО ООО ПАО АО НКО ГБ МБ КБ ТБ ПО СПО ВВП НДС ДТП ЧП ИТ ПК ТВ ЖЖ ВИЧ СПИД ОРВИ ДНК РНК ИНН ФИО КПД МРОТ ЕГЭ ОГЭ ВУЗ ВУЗы ТЭЦ ГЭС АЭС СИЗО ЗАГС МКАД ЖКХ НИОКР ОК ОС СМС SMS UTC GMT ИА ТМ ТМА PS NB ФК ХК ПФК НИИ ОКБ НПО ГК ФГБУ ФГБОУ ЧОП ГУП МУП ФГУП АНО ГБУ МБОУ ТОО ИП'.split(
    ' ',
  ),
);
