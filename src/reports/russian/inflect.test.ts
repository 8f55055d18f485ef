import { beforeAll, describe, expect, it } from 'vitest';
import {
  cityKnown,
  inflectCityAfterWord,
  inflectCityName,
  inflectPersonName,
  inflectPhrase,
  joinList,
  loadInflection,
  personGender,
  phraseAgreement,
  type Case,
} from './inflect.ts';

beforeAll(() => loadInflection());

// [nominative, genitive, dative, accusative, instrumental, prepositional]
type Row = [string, string, string, string, string, string];
const CASES: Case[] = ['gent', 'datv', 'accs', 'ablt', 'loct'];

function expectForms(inflect: (text: string, target: Case) => string, rows: Row[]) {
  for (const [nominative, ...forms] of rows) {
    expect(CASES.map((target) => inflect(nominative, target))).toEqual(forms);
    expect(inflect(nominative, 'nomn')).toBe(nominative);
  }
}

describe('inflectPhrase: the head noun and its adjectives change, the rest stays', () => {
  it('positions: only the head noun changes', () => {
    expectForms(inflectPhrase, [
      [
        'заместитель председателя горисполкома',
        'заместителя председателя горисполкома',
        'заместителю председателя горисполкома',
        'заместителя председателя горисполкома',
        'заместителем председателя горисполкома',
        'заместителе председателя горисполкома',
      ],
      [
        'председатель Барановичского горисполкома',
        'председателя Барановичского горисполкома',
        'председателю Барановичского горисполкома',
        'председателя Барановичского горисполкома',
        'председателем Барановичского горисполкома',
        'председателе Барановичского горисполкома',
      ],
      [
        'глава администрации',
        'главы администрации',
        'главе администрации',
        'главу администрации',
        'главой администрации',
        'главе администрации',
      ],
      [
        'начальник отдела образования',
        'начальника отдела образования',
        'начальнику отдела образования',
        'начальника отдела образования',
        'начальником отдела образования',
        'начальнике отдела образования',
      ],
    ]);
  });

  it('institutions with numbers and «им.»: the number and the honoured name stay', () => {
    expectForms(inflectPhrase, [
      ['гимназия № 5', 'гимназии № 5', 'гимназии № 5', 'гимназию № 5', 'гимназией № 5', 'гимназии № 5'],
      ['лицей № 21', 'лицея № 21', 'лицею № 21', 'лицей № 21', 'лицеем № 21', 'лицее № 21'],
      [
        'средняя общеобразовательная школа № 17 им. Ю. А. Гагарина',
        'средней общеобразовательной школы № 17 им. Ю. А. Гагарина',
        'средней общеобразовательной школе № 17 им. Ю. А. Гагарина',
        'среднюю общеобразовательную школу № 17 им. Ю. А. Гагарина',
        'средней общеобразовательной школой № 17 им. Ю. А. Гагарина',
        'средней общеобразовательной школе № 17 им. Ю. А. Гагарина',
      ],
      [
        'Кузнецкая центральная городская библиотека им. А. Н. Радищева',
        'Кузнецкой центральной городской библиотеки им. А. Н. Радищева',
        'Кузнецкой центральной городской библиотеке им. А. Н. Радищева',
        'Кузнецкую центральную городскую библиотеку им. А. Н. Радищева',
        'Кузнецкой центральной городской библиотекой им. А. Н. Радищева',
        'Кузнецкой центральной городской библиотеке им. А. Н. Радищева',
      ],
      [
        'Кузнецкий музейно-выставочный центр',
        'Кузнецкого музейно-выставочного центра',
        'Кузнецкому музейно-выставочному центру',
        'Кузнецкий музейно-выставочный центр',
        'Кузнецким музейно-выставочным центром',
        'Кузнецком музейно-выставочном центре',
      ],
    ]);
  });

  it('more positions and institutions of real press releases', () => {
    const cases: [string, Case, string][] = [
      // az files «первый» under «один»: the ending comes from a model adjective instead.
      [
        'первый заместитель председателя горисполкома',
        'ablt',
        'первым заместителем председателя горисполкома',
      ],
      [
        'первый заместитель председателя горисполкома',
        'gent',
        'первого заместителя председателя горисполкома',
      ],
      ['Чрезвычайный и Полномочный Посол', 'ablt', 'Чрезвычайным и Полномочным Послом'],
      ['генеральный консул', 'accs', 'генерального консула'],
      [
        'председатель Брестского городского Совета депутатов',
        'datv',
        'председателю Брестского городского Совета депутатов',
      ],
      [
        'Брестский государственный университет имени А. С. Пушкина',
        'ablt',
        'Брестским государственным университетом имени А. С. Пушкина',
      ],
      [
        'открытое акционерное общество «Беларуськалий»',
        'ablt',
        'открытым акционерным обществом «Беларуськалий»',
      ],
      [
        'учреждение образования «Брестский государственный колледж»',
        'loct',
        'учреждении образования «Брестский государственный колледж»',
      ],
      ['ОАО «Беларуськалий»', 'loct', 'ОАО «Беларуськалий»'],
      ['детский сад № 12', 'loct', 'детском саде № 12'],
      ['детская школа искусств № 2', 'accs', 'детскую школу искусств № 2'],
      [
        'городская больница скорой медицинской помощи',
        'ablt',
        'городской больницей скорой медицинской помощи',
      ],
      ['народный ансамбль песни и танца', 'loct', 'народном ансамбле песни и танца'],
      ['Кузнецкий завод металлоконструкций', 'gent', 'Кузнецкого завода металлоконструкций'],
    ];
    expect(cases.map(([phrase, target]) => inflectPhrase(phrase, target))).toEqual(
      cases.map(([, , form]) => form),
    );
  });

  it('participles used as adjectives keep their voice, in the singular and the plural', () => {
    expect(inflectPhrase('централизованная библиотечная система', 'ablt')).toBe(
      'централизованной библиотечной системой',
    );
    expect(inflectPhrase('централизованные библиотечные системы', 'gent')).toBe(
      'централизованных библиотечных систем',
    );
    expect(inflectPhrase('централизованные библиотечные системы', 'ablt')).toBe(
      'централизованными библиотечными системами',
    );
  });

  it('a quoted name and a legal form before it never change', () => {
    expect(inflectPhrase('МБОУ «Лицей № 21»', 'ablt')).toBe('МБОУ «Лицей № 21»');
    expect(inflectPhrase('ГУО "Средняя школа № 3 г. Барановичи"', 'gent')).toBe(
      'ГУО "Средняя школа № 3 г. Барановичи"',
    );
    expect(inflectPhrase('государственное учреждение образования «Гимназия № 2»', 'ablt')).toBe(
      'государственным учреждением образования «Гимназия № 2»',
    );
    expect(inflectPhrase('лицей «Успех»', 'loct')).toBe('лицее «Успех»');
  });

  it('events and program items, appositions after a comma included', () => {
    expect(inflectPhrase('праздник города, 245-летний юбилей Кузнецка', 'loct')).toBe(
      'празднике города, 245-летнем юбилее Кузнецка',
    );
    expect(inflectPhrase('концертное выступление Дианы Лугиной', 'loct')).toBe(
      'концертном выступлении Дианы Лугиной',
    );
    expect(inflectPhrase('Встреча с главой администрации', 'accs')).toBe('Встречу с главой администрации');
    expect(inflectPhrase('открытый турнир по мини-футболу', 'loct')).toBe('открытом турнире по мини-футболу');
    expect(inflectPhrase('День города', 'ablt')).toBe('Днем города');
    expect(inflectPhrase('рабочий визит', 'ablt')).toBe('рабочим визитом');
    expect(inflectPhrase('город-побратим', 'ablt')).toBe('городом-побратимом');
  });

  it('leaves what it cannot read as a noun phrase as it is', () => {
    expect(inflectPhrase('обмен опытом в сфере образования', 'gent')).toBe(
      'обмена опытом в сфере образования',
    );
    expect(inflectPhrase('по итогам года', 'ablt')).toBe('по итогам года');
    expect(inflectPhrase('2025', 'gent')).toBe('2025');
  });

  it('tells the gender and number a verb agrees with', () => {
    expect(phraseAgreement('концертное выступление Дианы Лугиной')).toMatchObject({
      gender: 'neut',
      number: 'sing',
    });
    expect(phraseAgreement('встреча с главой администрации')).toMatchObject({ gender: 'femn' });
    expect(phraseAgreement('Дни белорусской культуры')).toMatchObject({ number: 'plur' });
    expect(phraseAgreement('МБОУ «Лицей № 21»')).toBeUndefined();
  });
});

describe('inflectPersonName: first name, patronymic and surname, gender from the first name', () => {
  it('men and women, in every case', () => {
    expectForms(inflectPersonName, [
      [
        'Вадим Щербаков',
        'Вадима Щербакова',
        'Вадиму Щербакову',
        'Вадима Щербакова',
        'Вадимом Щербаковым',
        'Вадиме Щербакове',
      ],
      [
        'Ольга Иванова',
        'Ольги Ивановой',
        'Ольге Ивановой',
        'Ольгу Иванову',
        'Ольгой Ивановой',
        'Ольге Ивановой',
      ],
      [
        'Максим Антонюк',
        'Максима Антонюка',
        'Максиму Антонюку',
        'Максима Антонюка',
        'Максимом Антонюком',
        'Максиме Антонюке',
      ],
      ['Диана Лугина', 'Дианы Лугиной', 'Диане Лугиной', 'Диану Лугину', 'Дианой Лугиной', 'Диане Лугиной'],
      [
        'Анна Козловская',
        'Анны Козловской',
        'Анне Козловской',
        'Анну Козловскую',
        'Анной Козловской',
        'Анне Козловской',
      ],
      ['Лев Толстой', 'Льва Толстого', 'Льву Толстому', 'Льва Толстого', 'Львом Толстым', 'Льве Толстом'],
    ]);
  });

  it('names of real officials and performers', () => {
    expect(
      [
        'Алексей Кузьмич',
        'Елена Мороз',
        'Андрей Корж',
        'Ольга Марченко',
        'Анастасия Рыбак',
        'Илья Сергеевич Петров',
      ].map((name) => inflectPersonName(name, 'ablt')),
    ).toEqual([
      'Алексеем Кузьмичем',
      'Еленой Мороз',
      'Андреем Коржом',
      'Ольгой Марченко',
      'Анастасией Рыбак',
      'Ильей Сергеевичем Петровым',
    ]);
  });

  it('women’s surnames that end in a consonant, and surnames in -о and -их, do not decline', () => {
    expect(inflectPersonName('Наталья Антонюк', 'ablt')).toBe('Натальей Антонюк');
    expect(inflectPersonName('Любовь Шевчук', 'gent')).toBe('Любови Шевчук');
    expect(inflectPersonName('Евгений Ткаченко', 'ablt')).toBe('Евгением Ткаченко');
    expect(inflectPersonName('Никита Белых', 'datv')).toBe('Никите Белых');
    expect(inflectPersonName('Ирина Гурко', 'gent')).toBe('Ирины Гурко');
  });

  it('patronymics, surname-first order, initials and double surnames', () => {
    expect(inflectPersonName('Вадим Николаевич Щербаков', 'ablt')).toBe('Вадимом Николаевичем Щербаковым');
    expect(inflectPersonName('Иванова Ольга Петровна', 'gent')).toBe('Ивановой Ольги Петровны');
    expect(inflectPersonName('А. Н. Радищев', 'gent')).toBe('А. Н. Радищева');
    expect(inflectPersonName('Иван Осипович', 'ablt')).toBe('Иваном Осиповичем');
    expect(inflectPersonName('Мария Склодовская-Кюри', 'datv')).toBe('Марии Склодовской-Кюри');
  });

  it('finds the gender from the first name, else from the patronymic or surname', () => {
    expect(personGender('Вадим Щербаков')).toBe('masc');
    expect(personGender('Ольга Иванова')).toBe('femn');
    expect(personGender('Саша Петренко')).toBe('masc');
    expect(personGender('Саша Иванова')).toBe('femn');
    expect(personGender('Женя Сергеевна Петренко')).toBe('femn');
  });
});

describe('inflectCityName', () => {
  it('declines Russian and Belarusian city names, keeps indeclinable ones', () => {
    expectForms(inflectCityName, [
      ['Барановичи', 'Барановичей', 'Барановичам', 'Барановичи', 'Барановичами', 'Барановичах'],
      ['Кузнецк', 'Кузнецка', 'Кузнецку', 'Кузнецк', 'Кузнецком', 'Кузнецке'],
      ['Брест', 'Бреста', 'Бресту', 'Брест', 'Брестом', 'Бресте'],
      ['Гродно', 'Гродно', 'Гродно', 'Гродно', 'Гродно', 'Гродно'],
      [
        'Великий Новгород',
        'Великого Новгорода',
        'Великому Новгороду',
        'Великий Новгород',
        'Великим Новгородом',
        'Великом Новгороде',
      ],
      ['Москва', 'Москвы', 'Москве', 'Москву', 'Москвой', 'Москве'],
      ['Орша', 'Орши', 'Орше', 'Оршу', 'Оршей', 'Орше'],
    ]);
    expect(inflectCityName('Набережные Челны', 'gent')).toBe('Набережных Челнов');
    expect(inflectCityName('Ростов-на-Дону', 'loct')).toBe('Ростове-на-Дону');
    expect(inflectCityName('Сочи', 'loct')).toBe('Сочи');
  });

  it('keeps a name it does not know in the nominative and says so', () => {
    expect(inflectCityName('Ченстохова', 'gent')).toBe('Ченстохова');
    expect(cityKnown('Ченстохова')).toBe(false);
    expect(cityKnown('Барановичи')).toBe(true);
    expect(cityKnown('Великий Новгород')).toBe(true);
  });

  it('after «город»: singular names follow the case, plural and compound ones keep the nominative', () => {
    expect(inflectCityAfterWord('Кузнецк', 'gent')).toBe('Кузнецка');
    expect(inflectCityAfterWord('Барановичи', 'gent')).toBe('Барановичи');
    expect(inflectCityAfterWord('Великий Новгород', 'ablt')).toBe('Великий Новгород');
    expect(inflectCityAfterWord('Гродно', 'gent')).toBe('Гродно');
  });
});

describe('joinList', () => {
  it('joins with commas and «и» before the last', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['Брест'])).toBe('Брест');
    expect(joinList(['Брест', 'Гродно'])).toBe('Брест и Гродно');
    expect(joinList(['Брест', 'Гродно', 'Минск'])).toBe('Брест, Гродно и Минск');
  });
});
