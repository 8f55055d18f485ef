/** Visit rules: what makes a sentence speak of a visit, its kind, and where its head is named. */
import type { Visit } from './extraction.schema.ts';

/** Lemmas that make a sentence about a visit; a delegation needs a verb of motion as well. */
export const VISIT_NOUNS = new Set(['визит', 'поездка', 'визитом']);
export const DELEGATION = new Set(['делегация', 'делегат', 'представитель', 'гость']);
export const MOTION_VERBS = new Set([
  'посетить',
  'посещать',
  'прибыть',
  'прибывать',
  'побывать',
  'приехать',
  'приезжать',
  'находиться',
  'пребывать',
  'отправиться',
  'совершить',
  'гостить',
  'прибыл',
  'встретить',
  'принять',
  'встреча',
  // Полоцк встречает (принимает) гостей из Фридрихсхафена.
  'встречать',
  'принимать',
  // На празднике присутствовали делегации городов-побратимов.
  'присутствовать',
  // Делегация приняла участие в праздновании Дня города.
  'участие',
]);

/** Words of a visit yet to come: its end is unknown. */
export const FUTURE_OR_ARRIVAL =
  /^(прибыл|прибуд|приед|намечен|запланир|планиру|состоится|ожида|отправ|начал(?!ьни))/;
/** Words that close a visit in a later sentence: «21 сентября делегация вернулась домой». */
export const VISIT_END =
  /^(заверш|вернул|отбыл|покинул|уехал|закончил|отбывает|возвраща|продлится|продолжится)/;

/** The kind of a visit from the adjective before «визит»; words outside the list leave it null. */
export const VISIT_KINDS: [RegExp, NonNullable<Visit['kind']>][] = [
  // Делегация прибыла с официальным визитом.
  [/^официальн/, 'official'],
  // Делегация совершила рабочий визит в город-побратим.
  [/^рабоч/, 'working'],
  // Предприниматели нанесли деловой визит.
  [/^делов/, 'business'],
  // Состоялся дружественный (ознакомительный, культурный, протокольный) визит.
  [/^(дружеск|дружествен|ознакомительн|культурн|протокольн|частн|неофициальн|гуманитарн)/, 'other'],
];

/** Where the head of a delegation is named, by rule id, for the `rule` field. */
export type HeadRule =
  // Делегация во главе с мэром Кузнецка Иваном Петровым посетила Барановичи.
  | 'head.vo-glave-s'
  // Делегация, возглавляемая председателем горисполкома Вадимом Щербаковым, прибыла в Кузнецк.
  | 'head.vozglavlyaemaya'
  // Возглавлял делегацию Щербаков Вадим Николаевич, заместитель председателя горисполкома.
  | 'head.vozglavil'
  // В Барановичах побывала делегация мэра Кузнецка Ивана Петрова.
  | 'head.delegation-of'
  // Аким Талдыкоргана Ерлан Ахметов, находящийся с официальным визитом в Барановичах, посетил музей.
  | 'head.single-official'
  // В составе делегации – председатель райисполкома Анатолий Шабанов, … (a town's head listed first).
  | 'head.first-member';

/** Words after «делегация» that lead to its head: «делегация мэра …». */
export const HEAD_LEADS: { words: string[]; rule: HeadRule }[] = [
  { words: ['во', 'главе', 'с'], rule: 'head.vo-glave-s' },
  { words: ['возглавляемая'], rule: 'head.vozglavlyaemaya' },
  { words: ['возглавляемой'], rule: 'head.vozglavlyaemaya' },
  { words: ['возглавляемую'], rule: 'head.vozglavlyaemaya' },
  { words: ['возглавил'], rule: 'head.vozglavil' },
  { words: ['возглавила'], rule: 'head.vozglavil' },
  { words: ['возглавлял'], rule: 'head.vozglavil' },
  { words: ['возглавляла'], rule: 'head.vozglavil' },
  { words: ['возглавляет'], rule: 'head.vozglavil' },
  { words: ['делегацию', 'возглавил'], rule: 'head.vozglavil' },
  // В составе делегации – председатель райисполкома Анатолий Шабанов, его заместитель и директор музея.
  { words: ['в', 'составе', 'делегации'], rule: 'head.first-member' },
  { words: ['в', 'состав', 'делегации', 'вошли'], rule: 'head.first-member' },
  // Руководил делегацией первый заместитель председателя горисполкома Андрей Лещенко.
  { words: ['руководил'], rule: 'head.vozglavil' },
  { words: ['руководила'], rule: 'head.vozglavil' },
  { words: ['руководит'], rule: 'head.vozglavil' },
];

/** Phrases that put the home city on the receiving side of a visit. */
export const HOME_AS_HOST =
  /(?:^|[^\p{L}])(?:в\s+наш\s+город|в\s+нашем\s+городе|к\s+нам|нашему\s+городу|на\s+нашей\s+земле|в\s+наш\s+район|наш\s+город\s+посетил|с\s+нашим\s+городом|достопримечательност\p{L}*\s+нашего\s+города)/iu;
/**
 * Phrases that put the home city on the visiting side: «наша делегация», «делегация нашего города».
 * A bare «нашего города» («на карте нашего города») says nothing of the side.
 */
export const HOME_AS_GUEST =
  /(?:^|[^\p{L}])(?:наша\s+делегация|нашей\s+делегации|нашу\s+делегацию|делегаци\p{L}*\s+нашего\s+(?:города|района)|наши\s+представители|представител\p{L}*\s+нашего\s+города|нашей\s+землячк|нашего\s+земляка)/iu;
/** A mention of the writer's own town, in the singular: «нашими городами» are both sides. */
export const HOME_MENTION = /(?:^|[^\p{L}])наш(?:|его|ему|им|ем)\s+город(?:|а|у|ом|е)(?![\p{L}])/iu;
