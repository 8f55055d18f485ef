/** Event rules: head lemmas of events and what each needs to count. */

/** An event rule: head lemmas, and optionally a word that must stand before or after the head. */
export interface EventRule {
  id: string;
  nouns: string[];
  /** The head counts only with an adjective matching this (lower case) before it. */
  adjective?: RegExp;
  /** Or with the next word matching this. */
  next?: RegExp;
  /** Plural heads allowed («Дни культуры», «соревнования»). */
  plural?: boolean;
  /** The head opens its sentence. */
  sentenceFirst?: boolean;
  /** The third word after the head matches this: «Приём, на котором …». */
  clause?: RegExp;
  /** The head is read in the plural only («Игры»). */
  pluralOnly?: boolean;
  /** Or the word itself matches this (lower case): «155-летие». */
  word?: RegExp;
  /** The next word names a place: «День Пензы», «Дни Гомельской области». */
  nextPlace?: boolean;
  /** The head is written with a capital inside the sentence: «Неделя солидарности». */
  capital?: boolean;
  /** The next words name a region: «Дни Гродненской области». */
  nextRegion?: boolean;
  /** Places after the head say what is shown, not where: «выставка продукции Пензы». */
  tailNotWhere?: boolean;
  /** Prepositions whose noun belongs to the name: «турнир по мини-футболу», «форум по туризму». */
  tail?: string[];
}

/** «155-летие», «80-летию», «столетием»: an anniversary in any case. */
export const ANNIVERSARY = /^(\d+-)?\p{L}*лети(е|я|ю|ем|и)$/u;

/** Rules in order; the first that matches a head token wins. */
export const EVENT_RULES: EventRule[] = [
  // Делегация приняла участие в праздновании Дня города Кузнецка.
  {
    id: 'event.city-day',
    nouns: ['день'],
    next: /^(города|города-побратима|район|поселка|независимости|победы|республики)/,
    plural: true,
  },
  // В Барановичах прошли Дни культуры Кузнецка.
  {
    id: 'event.days-of-culture',
    nouns: ['день'],
    next: /^(культуры|дружбы|славянской|белорусской|российской|кузнецка|барановичей)/,
    plural: true,
  },
  // Гости присутствовали на открытии праздника города.
  { id: 'event.holiday', nouns: ['праздник', 'празднество'] },
  // В Кузнецке прошли Дни Барановичей; делегация приехала на День Пензы.
  { id: 'event.place-day', nouns: ['день'], nextPlace: true, plural: true },
  // Договор подписали в дни Гродненской области в Пензе.
  { id: 'event.region-day', nouns: ['день'], nextRegion: true, plural: true },
  // 245-летний юбилей Кузнецка отметили концертом.
  { id: 'event.jubilee', nouns: ['юбилей'] },
  // Город отметил 155-летие; к 80-летию освобождения; столетие гимназии; 70-я годовщина Победы.
  { id: 'event.anniversary', nouns: ['годовщина'], word: ANNIVERSARY },
  // Состоялась торжественная церемония подписания; на официальной церемонии.
  { id: 'event.ceremony', nouns: ['церемония'] },
  // Торжественное подписание состоялось в ратуше; торжественное открытие памятника.
  { id: 'event.signing', nouns: ['подписание', 'открытие'], adjective: /^торжествен/ },
  // Гости присутствовали на открытии мемориальной доски и нового здания школы.
  {
    id: 'event.opening',
    nouns: ['открытие'],
    next: /^(памятник|бюст|мемориал|доск|скамь|нов|здани|аллеи|сквер)/,
  },
  // Официальный прием в честь гостей; прием глав городов-побратимов.
  { id: 'event.reception', nouns: ['прием', 'приём'], adjective: /^(официальн|торжествен|праздничн)/ },
  // Приём, на котором главы городов обсудили планы, прошёл в ратуше.
  {
    id: 'event.reception-at',
    nouns: ['прием', 'приём'],
    next: /^,$/,
    sentenceFirst: true,
    clause: /^(котор)/,
  },
  { id: 'event.reception-of', nouns: ['прием', 'приём'], next: /^(глав|мэров|делегаци|гостей|побратим)/ },
  // Прошла онлайн-встреча глав городов; официальная встреча мэров; протокольная встреча.
  { id: 'event.online', nouns: [], word: /^(онлайн|видео)-?(встреч|конференц|мост)\p{L}*$/u },
  { id: 'event.meeting', nouns: ['встреча'], adjective: /^(протокольн|торжествен)/ },
  {
    id: 'event.meeting-official',
    nouns: ['встреча'],
    adjective: /^официальн/,
    next: /^(мэр|глав|руководител|президент|председател|губернатор|аким|хоким)/,
  },
  { id: 'event.meeting-of', nouns: ['встреча'], next: /^(мэров|градоначальников)$/ },
  // Вечер дружбы «Вместе»; творческий вечер поэта.
  { id: 'event.evening', nouns: ['вечер'], next: /^(дружбы|памяти|встречи|поэзии|музыки)/ },
  { id: 'event.evening-kind', nouns: ['вечер'], adjective: /^(творческ|музыкальн|литературн|праздничн)/ },
  // Гостям показали презентацию фильма; первомайская демонстрация.
  { id: 'event.presentation', nouns: [], word: /^презентаци\p{L}*$/u },
  { id: 'event.demonstration', nouns: ['демонстрация'], adjective: /^(первомайск|праздничн)/ },
  // Неделя французского кино; декада культуры.
  { id: 'event.week', nouns: ['неделя', 'декада'], capital: true },
  {
    id: 'event.week-of',
    nouns: ['неделя', 'декада'],
    next: /^(культуры|кино|дружбы|международн|франц|немецк|российск|белорусск)/,
  },
  // Делегация приняла участие в международном фестивале «Славянский базар»; каравай-фест «Хлеб».
  { id: 'event.festival', nouns: ['фестиваль'], word: /^\p{L}+-?фест$/u },
  // На форуме регионов обсуждали сотрудничество.
  // Конференция по обмену опытом между городами-побратимами прошла в Пензе.
  { id: 'event.forum', nouns: ['форум', 'конференция', 'симпозиум', 'слет'], tail: ['по', 'между'] },
  // Меморандум подписали на сессии Международной ассамблеи городов.
  {
    id: 'event.session',
    nouns: ['сессия'],
    next: /^(международн|межпарламентск|генеральн|парламентск|ассамбле)/,
  },
  // Гостей пригласили на Игры народов Севера; Всемирные игры кочевников.
  { id: 'event.games', nouns: ['игра'], plural: true, pluralOnly: true, capital: true },
  {
    id: 'event.games-kind',
    nouns: ['игра'],
    plural: true,
    pluralOnly: true,
    adjective: /^(всемирн|олимпийск|паралимпийск|спортивн|молод[её]жн|юношеск|этническ|национальн)/,
  },
  // Праздник завершился концертом; ярким финалом стало концертное выступление землячки.
  { id: 'event.concert', nouns: ['концерт', 'гала-концерт'] },
  {
    id: 'event.performance',
    nouns: ['выступление'],
    adjective: /^(концертн|творческ|музыкальн|сольн|яркое|торжествен)/,
  },
  // Открылась выставка работ художников из Кузнецка; прошла ярмарка мастеров.
  { id: 'event.exhibition', nouns: ['выставка', 'ярмарка', 'экспозиция'], tailNotWhere: true },
  // Спортсмены сыграли в турнире по мини-футболу; прошли соревнования, марафон, конкурс.
  {
    id: 'event.sport',
    nouns: ['турнир', 'соревнование', 'спартакиада', 'марафон', 'олимпиада', 'конкурс', 'чемпионат'],
    plural: true,
    tail: ['по'],
  },
];

/** The words that attach a second event to the first: «праздник города, приуроченный к юбилею». */
export const DEDICATED = /^(приуроч|посвящ)/;

/**
 * Words whose genitive an event phrase only names something by: «памятник Тысячелетия города»,
 * «в конференц-центре Азиатского форума», «основатель фестиваля театров», «лауреат конкурса».
 */
export const NAMED_BY =
  /^(памятник|монумент|стела|стелы|стеле|стелу|обелиск|конференц-центр|центр|центра|центре|центру|центром|площад|улиц|проспект|сквер|аллея|аллеи|аллее|медал|орден|основател|учредител|лауреат|дипломант)\p{L}*$/u;

/** «предложил провести Дни культуры»: an event only proposed is no event of the story. */
export const PROPOSED = /^предлож(ил|ила|или|ено|ен|ена|ит|ат|ение)$/;
export const TO_HOLD = /^(провести|организовать|устроить|проводить)$/;

/** «Программа включала концерт и ярмарку»: the parts of an event's program are not events of their own. */
export const PROGRAM = /^программ/;
export const INCLUDED = /^включа/;

/** «наш праздник», «этот фестиваль»: a second mention of an event already named. */
export const ANAPHORIC =
  /^(наш|нашего|нашему|нашем|нашим|этот|этого|этому|этом|этим|эта|этой|эту|данн)\p{L}*$/u;

/** «25-летие отношений с Пензой»: the words after which «с» names the partner of an anniversary. */
export const PARTNERSHIP = /^(отношени|связ|сотрудничеств|дружб|партн[её]рств|побратимств)/;
