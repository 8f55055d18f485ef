/** Date rules: each a pattern over the text and a reading of its groups into days. */
import type { Day } from './07-document.ts';

const GEN = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const LOC = 'январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре';
const WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу'];
// «2018 года», «2018 г.», «этого года», «текущего года», «прошлого года»
const YEAR = String.raw`(?:\s+(\d{4})\s*(?:года|году|г\.?)?|\s+(этого|текущего|нынешнего|сего|прошлого|следующего)\s+года)?`;
const B = String.raw`(?<![\p{L}\p{N}])`;

/** What a rule reads: the first day, the last day of a range, or a weekday relative to publication. */
export interface DateReading {
  from: Day;
  to?: Day;
  /** The day is relative to publication: days back, or the last such weekday. */
  back?: number;
  weekday?: number;
  /** A month without a day («в сентябре 2024 года»): no ISO date can be given. */
  monthOnly?: boolean;
}

/** A date rule: an id, a pattern and how its match becomes days. */
export interface DateRule {
  id: string;
  re: RegExp;
  read(g: (string | undefined)[], published: Day | undefined): DateReading | undefined;
}

const monthOf = (word: string | undefined): number =>
  word ? GEN.split('|').findIndex((m) => word.toLowerCase().startsWith(m.slice(0, 3))) + 1 : 0;

/** The year of the groups: a number, or a word relative to the publication year. */
export function yearOf(
  num: string | undefined,
  word: string | undefined,
  published: Day | undefined,
): number | undefined {
  if (num) return Number(num);
  if (!word || !published?.y) return undefined;
  const w = word.toLowerCase();
  return published.y + (w === 'прошлого' ? -1 : w === 'следующего' ? 1 : 0);
}

/** Stands for the publication day when there is none: relative words then stay unresolved. */
const NO_DAY: Day = { y: undefined, m: 0, d: 0 };

const day = (y: number | undefined, m: number, d: string | undefined): Day => ({ y, m, d: Number(d) });

/** Longest forms first; a character covered by one rule is not read by a later one. */
export const DATE_RULES: DateRule[] = [
  {
    // С 30 сентября по 2 октября 2024 года делегация находилась в Кузнецке.
    id: 'date.s-po-two-months',
    re: new RegExp(`${B}со?\\s+(\\d{1,2})\\s+(${GEN})\\s+по\\s+(\\d{1,2})\\s+(${GEN})${YEAR}`, 'giu'),
    read: (g, p) => {
      const y = yearOf(g[5], g[6], p);
      const m1 = monthOf(g[2]);
      const m2 = monthOf(g[4]);
      return { from: day(y && m1 > m2 ? y - 1 : y, m1, g[1]), to: day(y, m2, g[3]) };
    },
  },
  {
    // С 18 по 21 сентября делегация побывала в Кузнецке.
    id: 'date.s-po',
    re: new RegExp(`${B}со?\\s+(\\d{1,2})\\s+по\\s+(\\d{1,2})\\s+(${GEN})${YEAR}`, 'giu'),
    read: (g, p) => {
      const y = yearOf(g[4], g[5], p);
      return { from: day(y, monthOf(g[3]), g[1]), to: day(y, monthOf(g[3]), g[2]) };
    },
  },
  {
    // 30 сентября – 2 октября в Кузнецке проходили Дни культуры.
    id: 'date.range-two-months',
    re: new RegExp(`${B}(\\d{1,2})\\s+(${GEN})\\s*[-–—]\\s*(\\d{1,2})\\s+(${GEN})${YEAR}`, 'giu'),
    read: (g, p) => {
      const y = yearOf(g[5], g[6], p);
      const m1 = monthOf(g[2]);
      const m2 = monthOf(g[4]);
      return { from: day(y && m1 > m2 ? y - 1 : y, m1, g[1]), to: day(y, m2, g[3]) };
    },
  },
  {
    // 20-22 июня этого года делегация гостила в Барановичах; визит намечен на 27–28 июля.
    id: 'date.range',
    re: new RegExp(`${B}(\\d{1,2})\\s*[-–—]\\s*(\\d{1,2})\\s+(${GEN})${YEAR}`, 'giu'),
    read: (g, p) => {
      const y = yearOf(g[4], g[5], p);
      return { from: day(y, monthOf(g[3]), g[1]), to: day(y, monthOf(g[3]), g[2]) };
    },
  },
  {
    // 18 и 19 сентября гости знакомились с городом.
    id: 'date.two-days',
    re: new RegExp(`${B}(\\d{1,2})\\s+и\\s+(\\d{1,2})\\s+(${GEN})${YEAR}`, 'giu'),
    read: (g, p) => {
      const y = yearOf(g[4], g[5], p);
      return { from: day(y, monthOf(g[3]), g[1]), to: day(y, monthOf(g[3]), g[2]) };
    },
  },
  {
    // 9 февраля 2024 года подписано соглашение; в среду, 18 сентября, гости приехали.
    id: 'date.day-month',
    re: new RegExp(`${B}(\\d{1,2})\\s+(${GEN})${YEAR}`, 'giu'),
    read: (g, p) => ({ from: day(yearOf(g[3], g[4], p), monthOf(g[2]), g[1]) }),
  },
  {
    // Договор подписан 18.09.2024.
    id: 'date.numeric',
    re: new RegExp(`${B}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\p{N}])`, 'gu'),
    read: (g) => {
      const m = Number(g[2]);
      return m >= 1 && m <= 12 ? { from: day(Number(g[3]), m, g[1]) } : undefined;
    },
  },
  {
    // В сентябре 2024 года делегация посетила Кузнецк.
    id: 'date.month',
    re: new RegExp(`${B}в\\s+(${LOC})${YEAR}`, 'giu'),
    read: (g, p) => ({
      from: { y: yearOf(g[2], g[3], p), m: LOC.split('|').indexOf((g[1] ?? '').toLowerCase()) + 1, d: 1 },
      monthOnly: true,
    }),
  },
  {
    // Вчера в Барановичи прибыла делегация Кузнецка.
    id: 'date.yesterday',
    re: new RegExp(`${B}(позавчера|вчера|сегодня)(?![\\p{L}])`, 'giu'),
    read: (g, p) => {
      const w = (g[1] ?? '').toLowerCase();
      return { from: p ?? NO_DAY, back: w === 'сегодня' ? 0 : w === 'вчера' ? 1 : 2 };
    },
  },
  {
    // В минувшую пятницу гости из Кузнецка посетили гимназию № 5.
    id: 'date.last-weekday',
    re: new RegExp(`${B}в\\s+(?:минувш|прошл|эт)(?:ую|ый|ое|от|у)\\s+(${WEEKDAYS.join('|')})`, 'giu'),
    read: (g, p) => ({ from: p ?? NO_DAY, weekday: WEEKDAYS.indexOf((g[1] ?? '').toLowerCase()) }),
  },
];

/** A dateline opens the text: «Барановичи, 11 сентября /Корр. БЕЛТА/.». */
export const DATELINE = new RegExp(
  `^\\s*(?!Сегодня|Вчера|Завтра)[\\p{Lu}][\\p{L}-]+(?:\\s[\\p{Lu}][\\p{L}-]+)?,\\s+(\\d{1,2})\\s+(${GEN})(?:\\s+(\\d{4})\\s*(?:г\\.|года)?)?\\s*(?=[/(—–.-]|\\n)`,
  'u',
);

export { monthOf };
