/**
 * Russian texts for the API benchmark's generated registry: person names, organizations, visit
 * purposes and press releases built from sentence templates, so that full-text search meets
 * inflected word forms, stems shared across many documents and names spread over many records.
 * Deterministic: every choice comes from one seeded generator.
 */

/** A small seeded generator (mulberry32): the same data on every run and on both engines. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
export const between = (random: Random, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

// Surnames in the masculine form; the feminine adds «а» (those ending in -ко, -ук, -ич stay as they are).
const SURNAMES = [
  'Щербаков',
  'Иванов',
  'Петров',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Фролов',
  'Александров',
  'Дмитриев',
  'Королёв',
  'Гусев',
  'Киселёв',
  'Ильин',
  'Максимов',
  'Поляков',
  'Сорокин',
  'Виноградов',
  'Ковалёв',
  'Белов',
  'Медведев',
  'Антонов',
  'Тарасов',
  'Жуков',
  'Баранов',
  'Филиппов',
  'Комаров',
  'Давыдов',
  'Беляев',
  'Герасимов',
  'Богданов',
  'Осипов',
  'Сидоров',
  'Матвеев',
  'Титов',
  'Марков',
  'Миронов',
  'Крылов',
  'Куликов',
  'Карпов',
  'Власов',
  'Мельников',
  'Денисов',
  'Гаврилов',
  'Тихонов',
  'Казаков',
  'Афанасьев',
  'Данилов',
  'Савельев',
  'Тимофеев',
  'Фомин',
  'Чернов',
  'Абрамов',
  'Мартынов',
  'Ефимов',
  'Федотов',
  'Щербак',
  'Ковальчук',
  'Шевчук',
  'Бондаренко',
  'Ткаченко',
  'Кравченко',
  'Лукашевич',
  'Радкевич',
  'Жданович',
  'Марцинкевич',
  'Садовский',
  'Войтович',
  'Гуляев',
];
const MALE_NAMES = [
  'Александр',
  'Алексей',
  'Андрей',
  'Вадим',
  'Виктор',
  'Владимир',
  'Дмитрий',
  'Евгений',
  'Иван',
  'Игорь',
  'Константин',
  'Михаил',
  'Николай',
  'Олег',
  'Павел',
  'Пётр',
  'Сергей',
  'Юрий',
  'Геннадий',
  'Анатолий',
];
const FEMALE_NAMES = [
  'Анна',
  'Валентина',
  'Галина',
  'Елена',
  'Ирина',
  'Людмила',
  'Марина',
  'Наталья',
  'Ольга',
  'Светлана',
  'Татьяна',
  'Юлия',
  'Оксана',
  'Екатерина',
  'Мария',
  'Вера',
  'Надежда',
  'Лариса',
  'Жанна',
  'Алла',
];
const FATHERS = [
  ['Александрович', 'Александровна'],
  ['Алексеевич', 'Алексеевна'],
  ['Викторович', 'Викторовна'],
  ['Владимирович', 'Владимировна'],
  ['Иванович', 'Ивановна'],
  ['Михайлович', 'Михайловна'],
  ['Николаевич', 'Николаевна'],
  ['Петрович', 'Петровна'],
  ['Сергеевич', 'Сергеевна'],
  ['Юрьевич', 'Юрьевна'],
  ['Геннадьевич', 'Геннадьевна'],
  ['Анатольевич', 'Анатольевна'],
] as const;

export interface PersonName {
  fullName: string;
  firstName: string;
  patronymic: string;
  lastName: string;
}

export function personName(random: Random): PersonName {
  const female = random() < 0.45;
  const surname = pick(random, SURNAMES);
  const lastName = female && /(ов|ев|ёв|ин)$/.test(surname) ? `${surname}а` : surname;
  const firstName = pick(random, female ? FEMALE_NAMES : MALE_NAMES);
  const patronymic = pick(random, FATHERS)[female ? 1 : 0];
  return { fullName: `${lastName} ${firstName} ${patronymic}`, firstName, patronymic, lastName };
}

export const POSITIONS = [
  'председатель горисполкома',
  'заместитель председателя горисполкома',
  'глава администрации города',
  'заместитель главы администрации',
  'председатель городского Совета депутатов',
  'директор гимназии',
  'начальник управления образования',
  'начальник отдела культуры',
  'директор библиотеки',
  'ректор университета',
  'главный врач городской больницы',
  'директор музея',
  'мэр города',
];

type OrgKind =
  | 'school'
  | 'gymnasium'
  | 'lyceum'
  | 'college'
  | 'university'
  | 'kindergarten'
  | 'library'
  | 'museum'
  | 'theatre'
  | 'culture_house'
  | 'enterprise'
  | 'hospital'
  | 'sport_club'
  | 'administration'
  | 'council'
  | 'association'
  | 'media';
type Sphere = 'education' | 'culture' | 'sport' | 'industry' | 'health' | 'government' | 'media';

export interface OrganizationTemplate {
  name: string;
  kind: OrgKind;
  sphere: Sphere;
}

/** The institutions of one city, named as such institutions are in Belarus and Russia. */
export function cityOrganizations(random: Random, country: string): OrganizationTemplate[] {
  const list: OrganizationTemplate[] = [
    {
      name: `${country === 'BY' ? 'Городской исполнительный комитет' : 'Администрация города'}`,
      kind: 'administration',
      sphere: 'government',
    },
    { name: 'Городской Совет депутатов', kind: 'council', sphere: 'government' },
    { name: 'Централизованная библиотечная система', kind: 'library', sphere: 'culture' },
    { name: 'Городской дом культуры', kind: 'culture_house', sphere: 'culture' },
    { name: 'Краеведческий музей', kind: 'museum', sphere: 'culture' },
    { name: 'Городская детская библиотека', kind: 'library', sphere: 'culture' },
    { name: 'Газета «Вечерний город»', kind: 'media', sphere: 'media' },
  ];
  const schools = between(random, 3, 8);
  for (let n = 1; n <= schools; n++) {
    list.push({ name: `Средняя школа № ${n * 3 - 1}`, kind: 'school', sphere: 'education' });
  }
  list.push({ name: `Гимназия № ${between(random, 1, 3)}`, kind: 'gymnasium', sphere: 'education' });
  list.push({ name: `Лицей № ${between(random, 1, 30)}`, kind: 'lyceum', sphere: 'education' });
  list.push({ name: 'Детская музыкальная школа искусств', kind: 'school', sphere: 'culture' });
  if (random() < 0.5) list.push({ name: 'Драматический театр', kind: 'theatre', sphere: 'culture' });
  if (random() < 0.5)
    list.push({ name: 'Государственный университет', kind: 'university', sphere: 'education' });
  if (random() < 0.7) list.push({ name: 'Политехнический колледж', kind: 'college', sphere: 'education' });
  list.push({ name: `Городская больница № ${between(random, 1, 5)}`, kind: 'hospital', sphere: 'health' });
  list.push({
    name: `Спортивный клуб «${pick(random, ['Олимп', 'Динамо', 'Спартак', 'Торпедо', 'Атлант'])}»`,
    kind: 'sport_club',
    sphere: 'sport',
  });
  list.push({
    name: `Завод «${pick(random, ['Прогресс', 'Металлист', 'Энергия', 'Искра', 'Импульс'])}»`,
    kind: 'enterprise',
    sphere: 'industry',
  });
  list.push({ name: 'Детский сад № 7', kind: 'kindergarten', sphere: 'education' });
  return list;
}

const PURPOSES = [
  'участие в праздновании Дня города',
  'подписание соглашения о побратимских связях',
  'обсуждение плана совместных мероприятий на следующий год',
  'участие в международном фестивале народного творчества',
  'обмен опытом в сфере образования и культуры',
  'участие в экономическом форуме городов-побратимов',
  'открытие выставки художников города-побратима',
  'знакомство с работой централизованной библиотечной системы',
  'участие в спортивных соревнованиях среди школьников',
  'установление деловых контактов между предприятиями',
  'участие в торжествах, посвящённых годовщине побратимства',
  'подготовка совместного молодёжного проекта',
];
const OUTCOMES = [
  'Подписан план совместных мероприятий на два года.',
  'Достигнута договорённость об обмене делегациями школьников.',
  'Подписан меморандум о сотрудничестве в сфере культуры.',
  'Согласованы сроки проведения совместного фестиваля.',
  'Принято решение о создании рабочей группы по экономическому сотрудничеству.',
  'Стороны договорились о проведении дней культуры в следующем году.',
  'Подписан протокол о намерениях между учреждениями образования.',
  'Обсуждены вопросы участия предприятий в выставке-ярмарке.',
];

export function visitPurpose(random: Random): string {
  return pick(random, PURPOSES);
}
export function visitOutcomes(random: Random): string {
  return `${pick(random, OUTCOMES)} ${random() < 0.5 ? pick(random, OUTCOMES) : ''}`.trim();
}

export const PROGRAM_TITLES = [
  'Встреча с руководством города',
  'Посещение учреждения образования',
  'Экскурсия по историческому центру',
  'Возложение цветов к мемориалу',
  'Концерт творческих коллективов',
  'Посещение предприятия',
  'Подписание документов о сотрудничестве',
  'Круглый стол по вопросам молодёжной политики',
];

/** What a press release is about: the cities, people and institutions its sentences name. */
export interface ReleaseFacts {
  from: string;
  to: string;
  head: string;
  position: string;
  organization: string;
  year: number;
  day: number;
}

// Sentences of press releases; each appears with the weight given, so some word forms are common
// («фестиваля», «делегации») and some are rare («библиотечной»), as in a real archive.
const SENTENCES: [weight: number, template: (f: ReleaseFacts) => string][] = [
  [
    8,
    (f) =>
      `Делегацию города ${f.from}, прибывшую в город ${f.to} с официальным визитом, возглавил ${f.position} ${f.head}.`,
  ],
  [6, (f) => `В ходе визита гости посетили ${f.organization}, где познакомились с его работой и историей.`],
  [
    5,
    (f) =>
      `Стороны обсудили перспективы сотрудничества в сфере образования, культуры и спорта на ${f.year + 1} год.`,
  ],
  [
    5,
    (f) =>
      `${f.day} числа состоялась встреча с руководством города ${f.to}, на которой подведены итоги совместной работы.`,
  ],
  [4, () => `Участники фестиваля представили лучшие номера народного и современного творчества.`],
  [
    4,
    () =>
      `Программа фестиваля включала концерты, мастер-классы и выставку декоративно-прикладного искусства.`,
  ],
  [3, (f) => `Школьники из города ${f.from} приняли участие в спортивных соревнованиях и экскурсиях.`],
  [3, () => `Учащиеся музыкальной школы выступили с концертом на центральной площади.`],
  [3, (f) => `Был подписан план совместных мероприятий между городами ${f.from} и ${f.to}.`],
  [
    3,
    () =>
      `Представители предприятий обсудили возможности поставок продукции и создания совместных производств.`,
  ],
  [3, () => `Особое внимание было уделено молодёжным обменам и волонтёрским проектам.`],
  [2, (f) => `Глава делегации ${f.head} отметил, что побратимские связи городов насчитывают уже много лет.`],
  [2, () => `Гости возложили цветы к мемориалу воинам, погибшим в годы Великой Отечественной войны.`],
  [2, () => `В краеведческом музее открылась выставка фотографий об истории городов-побратимов.`],
  [2, () => `Медицинские работники обменялись опытом в области профилактики заболеваний.`],
  [
    1,
    () => `Сотрудники централизованной библиотечной системы передали в дар коллегам книги местных авторов.`,
  ],
  [1, () => `Специалисты библиотечной отрасли обсудили оцифровку фондов и обмен изданиями.`],
  [2, () => `Театральный коллектив показал спектакль по пьесе классика русской драматургии.`],
  [2, (f) => `В рамках Дней культуры города ${f.from} прошли концерты, выставки и творческие встречи.`],
  [2, () => `По итогам переговоров стороны договорились продолжить сотрудничество и обмен делегациями.`],
  [1, () => `Спортсмены клубов провели товарищеские матчи по футболу и волейболу.`],
  [1, () => `Ветераны труда встретились со школьниками и рассказали о становлении побратимских связей.`],
];
const WEIGHTED = SENTENCES.flatMap(([weight, template]) => Array.from({ length: weight }, () => template));

/** A press release of five to eight sentences about the facts given. */
export function releaseBody(random: Random, facts: ReleaseFacts): string {
  const count = between(random, 5, 8);
  const used = new Set<number>();
  const sentences = [];
  while (sentences.length < count) {
    const index = Math.floor(random() * WEIGHTED.length);
    if (used.has(index)) continue;
    used.add(index);
    sentences.push(WEIGHTED[index]!(facts));
  }
  return sentences.join(' ');
}

const TITLES: ((f: ReleaseFacts) => string)[] = [
  (f) => `Делегация города ${f.from} посетила город ${f.to}`,
  (f) => `Визит делегации города ${f.from} в город-побратим ${f.to}`,
  (f) => `В городе ${f.to} прошли Дни культуры города ${f.from}`,
  (f) => `Побратимы из города ${f.from} приняли участие в празднике`,
  (f) => `Итоги визита в город ${f.to}`,
];
const OTHER_TITLES: ((f: ReleaseFacts) => string)[] = [
  (f) => `Поздравление с Днём города ${f.to}`,
  (f) => `Новости сотрудничества: ${f.organization}`,
  (f) => `Фестиваль городов-побратимов в городе ${f.to}`,
  (f) => `Письмо о сотрудничестве от города ${f.from}`,
];

export function releaseTitle(random: Random, facts: ReleaseFacts, aboutVisit: boolean): string {
  return pick(random, aboutVisit ? TITLES : OTHER_TITLES)(facts);
}

export const AGREEMENT_TITLES = [
  'Соглашение о побратимских связях',
  'Соглашение о сотрудничестве в сфере образования',
  'Меморандум о сотрудничестве в сфере культуры',
  'План совместных мероприятий',
  'Протокол о намерениях',
];
export const EVENT_NAMES = [
  'День города',
  'Фестиваль народного творчества «Славянские узоры»',
  'Форум городов-побратимов',
  'Выставка художников городов-побратимов',
  'Концерт, посвящённый годовщине побратимства',
  'Спартакиада школьников',
];
