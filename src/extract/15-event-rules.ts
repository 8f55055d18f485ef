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
  /** Or the word itself matches this (lower case): «155-летие». */
  word?: RegExp;
}

/** Rules in order; the first that matches a head token wins. */
export const EVENT_RULES: EventRule[] = [
  // Делегация приняла участие в праздновании Дня города Кузнецка.
  {
    id: 'event.city-day',
    nouns: ['день'],
    next: /^(города|города-побратима|район|поселка|независимости|победы|республики|рождения)/,
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
  // 245-летний юбилей Кузнецка отметили концертом.
  { id: 'event.jubilee', nouns: ['юбилей'] },
  // Город отметил 155-летие; столетие гимназии.
  { id: 'event.anniversary', nouns: [], word: /^(\d+-)?\p{L}*летие$/u },
  // Делегация приняла участие в международном фестивале «Славянский базар».
  { id: 'event.festival', nouns: ['фестиваль'] },
  // На форуме регионов обсуждали сотрудничество.
  { id: 'event.forum', nouns: ['форум', 'конференция', 'симпозиум', 'слет'] },
  // Праздник завершился концертом; ярким финалом стало концертное выступление землячки.
  { id: 'event.concert', nouns: ['концерт', 'гала-концерт'] },
  {
    id: 'event.performance',
    nouns: ['выступление'],
    adjective: /^(концертн|творческ|музыкальн|сольн|яркое|торжествен)/,
  },
  // Открылась выставка работ художников из Кузнецка; прошла ярмарка мастеров.
  { id: 'event.exhibition', nouns: ['выставка', 'ярмарка', 'экспозиция'] },
  // Спортсмены сыграли в турнире по мини-футболу; прошли соревнования, марафон, конкурс.
  {
    id: 'event.sport',
    nouns: ['турнир', 'соревнование', 'спартакиада', 'марафон', 'олимпиада', 'конкурс', 'чемпионат'],
    plural: true,
  },
];

/** The words that attach a second event to the first: «праздник города, приуроченный к юбилею». */
export const DEDICATED = /^(приуроч|посвящ)/;
