import type { EventKind, OrganizationKind, Sphere } from '../db/database.ts';

/** The seed article: a press release of the Baranovichi city executive committee, September 2025. */
export const SEED_ARTICLE = {
  file: '000_99b162f3906cbee7',
  title: 'Рабочий визит делегации города Барановичи в город-побратим Кузнецк',
};

type Side = 'home' | 'partner';

/** The two cities, found in the gazetteer by name and country; each record quotes its evidence. */
export const SEED_CITIES: Record<Side, { nameRu: string; country: string; evidence: string }> = {
  home: { nameRu: 'Барановичи', country: 'BY', evidence: 'города Барановичи' },
  partner: { nameRu: 'Кузнецк', country: 'RU', evidence: 'Кузнецк (Российская Федерация)' },
};
/** Kuznetsk was founded in 1780: the 245th anniversary the article celebrates. */
export const PARTNER_FOUNDED_YEAR = 1780;

type OrganizationSeed = [
  key: string,
  side: Side,
  name: string,
  kind: OrganizationKind,
  sphere: Sphere,
  evidence: string,
];
/** The nine organizations, named in the nominative; the evidence is the phrase as the text inflects it. */
export const SEED_ORGANIZATIONS: OrganizationSeed[] = [
  [
    'committee',
    'home',
    'Барановичский горисполком',
    'administration',
    'government',
    'Барановичского горисполкома',
  ],
  ['gymnasium', 'home', 'гимназия № 5', 'gymnasium', 'education', 'гимназией № 5'],
  ['lyceum', 'partner', 'лицей № 21', 'lyceum', 'education', 'кузнецким лицеем № 21'],
  [
    'cbs',
    'home',
    'централизованная библиотечная система',
    'library',
    'culture',
    'централизованной библиотечной системой',
  ],
  [
    'library',
    'partner',
    'Кузнецкая центральная городская библиотека им. А. Н. Радищева',
    'library',
    'culture',
    'Кузнецкой центральной городской библиотекой им. А. Н. Радищева',
  ],
  [
    'school1',
    'home',
    'средняя школа № 1 им. С. И. Грицевца',
    'school',
    'education',
    'средней школой № 1 г. Барановичи им. С. И. Грицевца',
  ],
  [
    'school17',
    'partner',
    'средняя общеобразовательная школа № 17 им. Ю. А. Гагарина',
    'school',
    'education',
    'средней общеобразовательной школой № 17 г. Кузнецка им. Ю. А. Гагарина',
  ],
  [
    'museum',
    'home',
    'Барановичский краеведческий музей',
    'museum',
    'culture',
    'Барановичским краеведческим музеем',
  ],
  [
    'centre',
    'partner',
    'Кузнецкий музейно-выставочный центр',
    'museum',
    'culture',
    'Кузнецким музейно-выставочным центром',
  ],
];

/** The three people who act in the story; positions are held at the city executive committee. */
export const SEED_PERSONS = {
  head: {
    fullName: 'Вадим Щербаков',
    evidence: 'Вадимом Щербаковым',
    title: 'заместитель председателя горисполкома',
  },
  chairman: {
    fullName: 'Максим Антонюк',
    evidence: 'Максима Антонюка',
    title: 'председатель Барановичского горисполкома',
  },
  singer: { fullName: 'Диана Лугина', evidence: 'Дианы Лугиной', title: null },
};

/** The visit: the text gives no year; the 245th anniversary of Kuznetsk (founded 1780) makes it 2025. */
export const SEED_VISIT = {
  startDate: '2025-09-18',
  endDate: '2025-09-21',
  kind: 'working',
  purpose:
    'Обмен опытом в промышленности, образовании, культуре и спорте; участие в 245-летнем юбилее Кузнецка',
  outcomes:
    'Подписаны два договора о партнерском сотрудничестве: гимназии № 5 и лицея № 21, библиотечных систем',
  evidence:
    'С 18 по 21 сентября официальная делегация из города Барановичи во главе с заместителем председателя ' +
    'горисполкома Вадимом Щербаковым совершила рабочий визит в город-побратим Кузнецк',
} as const;

/** The two agreements signed at the visit, between the organizations with these keys. */
export const SEED_AGREEMENTS = [
  {
    title: 'Договор о партнерском сотрудничестве гимназии № 5 г. Барановичи и лицея № 21 г. Кузнецка',
    evidence:
      'договоры о партнерском сотрудничестве между гимназией № 5 нашего города и кузнецким лицеем № 21',
    parties: ['gymnasium', 'lyceum'],
  },
  {
    title: 'Договор о партнерском сотрудничестве библиотечных систем Барановичей и Кузнецка',
    evidence:
      'между централизованной библиотечной системой города Барановичи и Кузнецкой центральной городской библиотекой',
    parties: ['cbs', 'library'],
  },
];

/** The two projects already running, between the organizations with these keys. */
export const SEED_PROJECTS: { title: string; evidence: string; sphere: Sphere; parties: string[] }[] = [
  {
    title: 'Сотрудничество средней школы № 1 г. Барановичи и школы № 17 г. Кузнецка',
    evidence: 'проекты сотрудничества между средней школой № 1',
    sphere: 'education',
    parties: ['school1', 'school17'],
  },
  {
    title: 'Сотрудничество Барановичского краеведческого музея и Кузнецкого музейно-выставочного центра',
    evidence: 'Барановичским краеведческим музеем и Кузнецким музейно-выставочным центром',
    sphere: 'culture',
    parties: ['museum', 'centre'],
  },
];

type PersonKey = keyof typeof SEED_PERSONS;
/** The events in Kuznetsk during the visit; undated, as the text gives no day. */
export const SEED_EVENTS: {
  name: string;
  kind: EventKind;
  evidence: string;
  description: string | null;
  delegation: boolean;
  persons: [PersonKey, string][];
}[] = [
  {
    name: 'Праздник города, 245-летний юбилей Кузнецка',
    kind: 'city_day',
    evidence: 'открытие праздника города, приуроченного к 245-летнему юбилею Кузнецка',
    description: 'Зачитан приветственный адрес председателя Барановичского горисполкома Максима Антонюка',
    delegation: true,
    persons: [['chairman', 'приветственный адрес']],
  },
  {
    name: 'Концертное выступление Дианы Лугиной',
    kind: 'concert',
    evidence: 'концертное выступление нашей землячки – Дианы Лугиной',
    description: null,
    delegation: false,
    persons: [['singer', 'исполнительница']],
  },
];

/** The span of a phrase in the text, allowing any run of blanks between words (the article is hard-wrapped). */
export function findEvidence(
  text: string,
  phrase: string,
): { spanStart: number; spanEnd: number } | undefined {
  const pattern = phrase
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const match = new RegExp(pattern).exec(text);
  return match ? { spanStart: match.index, spanEnd: match.index + match[0].length } : undefined;
}
