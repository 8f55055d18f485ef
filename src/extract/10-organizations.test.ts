import { beforeAll, describe, expect, it } from 'vitest';
import { facts, prepareExtractor } from './golden.ts';

beforeAll(prepareExtractor, 60_000);

const orgs = (text: string, homeCity?: string) =>
  facts(text, { homeCity }).organizations.map((o) => [o.name, o.city]);

// Snippet, home city, expected organizations (name, city).
const CASES: [string, string | undefined, [string, string | null][]][] = [
  // Two institutions side by side in a list stay two; the district after each names its town.
  [
    'Школьники посетили Центр ремесел и досуга Пинского района, Центр народных ремесел и досуга Пинского района.',
    undefined,
    [
      ['Центр ремесел и досуга Пинского района', 'Пинск'],
      ['Центр народных ремесел и досуга Пинского района', 'Пинск'],
    ],
  ],
  // A lower-case city adjective gives the city; a capitalized one stays in the name.
  ['Гости побывали в пензенском лицее № 3.', undefined, [['лицей № 3', 'Пенза']]],
  [
    'Гости побывали в Пензенском краеведческом музее.',
    undefined,
    [['Пензенский краеведческий музей', 'Пенза']],
  ],
  [
    'Экскурсию провели сотрудники Гомельского дворца культуры.',
    undefined,
    [['Гомельский дворец культуры', 'Гомель']],
  ],
  // The city after the number is the city, not part of the name; the namesake stays.
  [
    'Делегация посетила среднюю школу № 8 г. Пинска им. В. З. Коржа.',
    undefined,
    [['средняя школа № 8 им. В. З. Коржа', 'Пинск']],
  ],
  [
    'Учащиеся гимназии № 2 нашего города выступили с концертом.',
    'Барановичи',
    [['гимназия № 2', 'Барановичи']],
  ],
  ['Гости осмотрели ГУО «Средняя школа № 3 г. Бреста».', undefined, [['Средняя школа № 3', 'Брест']]],
  [
    'Работу представил ОАО «Барановичский комбинат железобетонных конструкций».',
    undefined,
    [['ОАО «Барановичский комбинат железобетонных конструкций»', 'Барановичи']],
  ],
  // A body of power acting on its own is listed; inside a title or a source line it is not.
  ['Гости посетили Пинский горисполком.', undefined, [['Пинский горисполком', 'Пинск']]],
  ['Документ подписал председатель Пинского горисполкома Иван Петров.', undefined, []],
  [
    'Гостям передали поздравление председателя Пинского горисполкома Ивана Петрова.',
    undefined,
    [['Пинский горисполком', 'Пинск']],
  ],
  ['Снимки предоставила пресс-служба администрации города Пензы.', undefined, []],
  ['Об этом рассказали в мэрии Пензы.', undefined, [['мэрия Пензы', 'Пенза']]],
  ['Об этом сообщили в мэрии Пензы.', undefined, []],
  ['Переговоры прошли с руководством Мингорисполкома.', undefined, [['Мингорисполком', 'Минск']]],
  [
    'Программу подписали с префектурой западного округа города Москвы.',
    undefined,
    [['префектура западного округа города Москвы', 'Москва']],
  ],
  // A capital inside the sentence or a locating adjective names an institution without a number.
  [
    'Гости побывали в Центре детского творчества и в городском музее.',
    undefined,
    [
      ['Центр детского творчества', null],
      ['городской музей', null],
    ],
  ],
  ['Вечером гуляли в центре Бобруйска и в областном центре.', undefined, []],
  // Complexes, parks and venues with a quoted name; a village school; a consulate with its seat.
  [
    'Затем осмотрели музейный комплекс «Старая мельница» и индустриальный парк «Восход».',
    undefined,
    [
      ['музейный комплекс «Старая мельница»', null],
      ['индустриальный парк «Восход»', null],
    ],
  ],
  ['Выставка открылась в МВЦ «Пенза-Экспо».', undefined, [['МВЦ «Пенза-Экспо»', null]]],
  ['Выступила директор средней школы в д. Заречье.', undefined, [['средняя школа в д. Заречье', 'Заречье']]],
  [
    'Цветы возложили сотрудники Генерального консульства Беларуси в г. Пензе.',
    undefined,
    [['Генеральное консульство Беларуси в г. Пензе', 'Пенза']],
  ],
  ['Автор: Пензенская редакция новостей', undefined, []],
  // Plural and nameless institutions are no records.
  ['Делегация посетила несколько школ и предприятий города.', undefined, []],
  ['Гостей встретили в школе.', undefined, []],
];

describe('organizations', () => {
  it.each(CASES)('%s', (text, home, expected) => {
    expect(orgs(text, home)).toEqual(expected);
  });
});

describe('persons', () => {
  it('does not take the namesake of an institution for a person', () => {
    const r = facts('Делегацию принял директор гимназии им. Ю. А. Гагарина Петр Соколов.');
    expect(r.persons.map((p) => p.name)).toEqual(['Петр Соколов']);
  });

  it('does not take the namesakes of streets and monuments for persons', () => {
    const text = 'Гости возложили цветы к памятнику В. И. Ленину и прошли по проспекту Юрия Гагарина.';
    expect(facts(text).persons).toEqual([]);
  });

  it('gives the position written after the name and merges later mentions', () => {
    const r = facts('Выступила Ольга Петрова, начальник отдела образования. Затем Петрова вручила награды.');
    expect(r.persons).toEqual([{ name: 'Ольга Петрова', position: 'начальник отдела образования' }]);
  });

  it('reads a man in the genitive where the dictionary also offers a woman in the nominative', () => {
    const r = facts('Зачитано приветствие председателя горисполкома РБ Дмитрия Медведева.');
    expect(r.persons.map((p) => p.name)).toEqual(['Дмитрий Медведев']);
  });

  it('takes no preposition for a title («после» is not «посол»)', () => {
    const r = facts('После выступления Ивана Петрова гости осмотрели город.');
    expect(r.persons).toEqual([{ name: 'Иван Петров', position: null }]);
  });

  it('reads a profession before the name as the position', () => {
    const r = facts('Для гостей выступила солистка Гомельской областной филармонии Елена Смирнова.');
    expect(r.persons).toEqual([
      { name: 'Елена Смирнова', position: 'солистка Гомельской областной филармонии' },
    ]);
  });

  it('keeps a woman whose surname does not decline («Мирьяна Петрович» is no «Мирьян»)', () => {
    const r = facts('Гостей приветствовала Мирьяна Петрович, директор музея. Потом выступила Драгана Ковач.');
    expect(r.persons.map((p) => p.name)).toEqual(['Мирьяна Петрович', 'Драгана Ковач']);
    expect(facts('Зачитали письмо Ивана Шевчука.').persons.map((p) => p.name)).toEqual(['Иван Шевчук']);
  });

  it('takes no byline or credit for a person, and merges a later name and patronymic', () => {
    const text =
      'Пенза и Гомель подписали договор\n\nИрина Котова\n\nДоговор подписал Олег Ильич Панов, мэр Пензы. ' +
      '«Мы рады», – сказал Олег Ильич.\nФото: Павел Рябов\n\nСергей Лунин (Пенза)';
    expect(facts(text).persons).toEqual([{ name: 'Олег Панов', position: 'мэр Пензы' }]);
  });

  it('reads a place between a title and a name as the place, not as a part of the name', () => {
    const r = facts('На открытии выступил мэр Пензы Олег Ильич Панов.');
    expect(r.persons).toEqual([{ name: 'Олег Панов', position: 'мэр Пензы' }]);
    const s = facts('Письмо прислал мэр столицы Армении Арам Саркисян.');
    expect(s.persons.map((p) => p.name)).toEqual(['Арам Саркисян']);
  });

  it('reads no surname in a district adjective after a title, nor in a numeral', () => {
    const r = facts(
      'Письмо подписали председатель Пинского райисполкома и председатель Чаусовского районного исполкома. ' +
        'Семь городов Ричмонд Пять раз встречал.',
    );
    expect(r.persons).toEqual([]);
  });

  it('keeps initials as written', () => {
    const r = facts('Приветствие зачитал заместитель председателя горисполкома А. Н. Лазарев.');
    expect(r.persons).toEqual([{ name: 'А. Н. Лазарев', position: 'заместитель председателя горисполкома' }]);
  });
});

describe('events and projects', () => {
  it('reads a festival in the visited city with its day', () => {
    const r = facts(
      'С 5 по 7 июля делегация Барановичей находилась в Пензе. 6 июля гости посетили фестиваль «Пензенская весна».',
    );
    expect(r.events).toEqual([{ name: 'фестиваль «Пензенская весна»', city: 'Пенза', date: '--07-06' }]);
  });

  it('reads the city day of the partner city', () => {
    const r = facts('Делегация Барановичей приняла участие в праздновании Дня города Кузнецка.');
    expect(r.events.map((e) => [e.name, e.city])).toEqual([['День города Кузнецка', 'Кузнецк']]);
  });

  it('reads ongoing cooperation as a project, not as an agreement', () => {
    const r = facts('Гимназия № 5 г. Барановичи много лет сотрудничает с лицеем № 21 г. Кузнецка.');
    expect(r.agreements).toEqual([]);
    expect(r.projects).toEqual([
      {
        parties: [
          { name: 'Гимназия № 5', city: 'Барановичи' },
          { name: 'лицей № 21', city: 'Кузнецк' },
        ],
      },
    ]);
  });

  it('keeps a name of its own as written when it opens a sentence, with its city', () => {
    const r = facts(
      'Гимназия № 1 г. Барановичи приняла гостей из Кузнецка. Кузнецкий колледж прислал своих студентов. ' +
        'Школа подготовила концерт.',
    );
    expect(r.organizations.map((o) => [o.name, o.city])).toEqual(
      expect.arrayContaining([
        ['Гимназия № 1', 'Барановичи'],
        ['Кузнецкий колледж', 'Кузнецк'],
      ]),
    );
    // A bare noun opening a sentence names nobody: it is not a name to keep capitalized.
    expect(r.organizations.map((o) => o.name)).not.toContain('Школа');
  });
});

describe('organizations across sentences', () => {
  it('merges a short second mention into the full name and completes the party city', () => {
    const text =
      'Гости побывали в гимназии № 2 г. Барановичи и в средней школе № 10 г. Кузнецка им. А. С. Пушкина. ' +
      'Там подписали договор о сотрудничестве между гимназией № 2 и школой № 10.';
    const r = facts(text);
    expect(r.organizations.map((o) => [o.name, o.city])).toEqual([
      ['гимназия № 2', 'Барановичи'],
      ['средняя школа № 10 им. А. С. Пушкина', 'Кузнецк'],
    ]);
    expect(r.agreements[0]?.parties).toEqual([
      { name: 'гимназия № 2', city: 'Барановичи' },
      { name: 'школа № 10', city: 'Кузнецк' },
    ]);
  });

  it('reads a position that names an institution by its legal form and quoted name', () => {
    const r = facts(
      'В состав делегации вошла директор ГУО «Гимназия № 2 г. Барановичи» Иванова Мария Петровна.',
    );
    expect(r.persons).toEqual([
      { name: 'Мария Иванова', position: 'директор ГУО «Гимназия № 2 г. Барановичи»' },
    ]);
  });
});
