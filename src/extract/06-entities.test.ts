import { beforeAll, describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from './01-tokens.ts';
import { loadMorphology } from './02-morphology.ts';
import { loadCityLookup } from './03-city-lookup.ts';
import type { CityLookup } from './03-places.ts';
import { findEntities } from './06-entities.ts';
import type { Entity } from './extraction.schema.ts';

let cities: CityLookup;
beforeAll(async () => {
  await loadMorphology();
  cities = await loadCityLookup();
});

function entities(text: string): Entity[] {
  const tokens = tokenize(text);
  return findEntities({ text, tokens, sentences: splitSentences(tokens, text), cities });
}
const brief = (text: string) => entities(text).map((e) => [e.type, e.text, e.normal]);

// Snippet → every expected entity as [type, text as written, nominative], in text order.
const GOLDEN: [string, string[][]][] = [
  [
    'Гостей встретили вместе с Вадимом Щербаковым в Кузнецке.',
    [
      ['PER', 'Вадимом Щербаковым', 'Вадим Щербаков'],
      ['LOC', 'Кузнецке', 'Кузнецк'],
    ],
  ],
  [
    'Договор подписан с гимназией № 5 и с лицеем № 21.',
    [
      ['ORG', 'гимназией № 5', 'гимназия № 5'],
      ['ORG', 'лицеем № 21', 'лицей № 21'],
    ],
  ],
  [
    'Делегацию возглавил Вадим Николаевич Щербаков, его встретила Ольга Петрова.',
    [
      ['PER', 'Вадим Николаевич Щербаков', 'Вадим Николаевич Щербаков'],
      ['PER', 'Ольга Петрова', 'Ольга Петрова'],
    ],
  ],
  ['Приветствие зачитал А. Н. Радищев.', [['PER', 'А. Н. Радищев', 'А. Н. Радищев']]],
  [
    'Гости поблагодарили Бориса Николаевича Ельцина и Раймонда Паулса.',
    [
      ['PER', 'Бориса Николаевича Ельцина', 'Борис Николаевич Ельцин'],
      ['PER', 'Раймонда Паулса', 'Раймонд Паулс'],
    ],
  ],
  [
    'Солистка выступила с Большим театром в Китае и в Дюссельдорфе.',
    [
      ['ORG', 'Большим театром', 'Большой театр'],
      ['LOC', 'Китае', 'Китай'],
      ['LOC', 'Дюссельдорфе', 'Дюссельдорф'],
    ],
  ],
  [
    'В докладе Министерства иностранных дел упоминалась Государственная дума.',
    [
      ['ORG', 'Министерства иностранных дел', 'Министерство иностранных дел'],
      ['ORG', 'Государственная дума', 'Государственная дума'],
    ],
  ],
  [
    'Решение Конституционного суда России обжаловали в Верховном суде.',
    [
      ['ORG', 'Конституционного суда', 'Конституционный суд'],
      ['LOC', 'России', 'Россия'],
      ['ORG', 'Верховном суде', 'Верховный суд'],
    ],
  ],
  [
    'Об этом сообщила газета «Вечерний Кузнецк», а компания «Ромашка» промолчала.',
    [
      ['ORG', 'Вечерний Кузнецк', 'Вечерний Кузнецк'],
      ['ORG', 'Ромашка', 'Ромашка'],
    ],
  ],
  [
    'Представители МВД и ООН прилетели из США в Московскую область.',
    [
      ['ORG', 'МВД', 'МВД'],
      ['ORG', 'ООН', 'ООН'],
      ['LOC', 'США', 'США'],
      ['LOC', 'Московскую область', 'Московская область'],
    ],
  ],
  [
    'Посол Новой Зеландии встретился с Романо Проди, и Проди пообещал приехать.',
    [
      ['LOC', 'Новой Зеландии', 'Новая Зеландия'],
      ['PER', 'Романо Проди', 'Романо Проди'],
      ['PER', 'Проди', 'Проди'],
    ],
  ],
  [
    'Письмо подписали John Smith и представители компании Microsoft.',
    [
      ['PER', 'John Smith', 'John Smith'],
      ['ORG', 'Microsoft', 'Microsoft'],
    ],
  ],
  [
    'Школа имени А. С. Пушкина получила грант, а Барановичский краеведческий музей — новую витрину.',
    [
      ['ORG', 'Школа имени А. С. Пушкина', 'Школа имени А. С. Пушкина'],
      ['ORG', 'Барановичский краеведческий музей', 'Барановичский краеведческий музей'],
    ],
  ],
  [
    'Делегация Барановичей прибыла в Нижний Новгород.',
    [
      ['LOC', 'Барановичей', 'Барановичи'],
      ['LOC', 'Нижний Новгород', 'Нижний Новгород'],
    ],
  ],
  ['Суд признал иск обоснованным, а компания выплатила долг.', []],
  [
    'Об этом пишут Лента.ру и сотрудники японского МИДа.',
    [
      ['ORG', 'Лента.ру', 'Лента.ру'],
      ['ORG', 'японского МИДа', 'японский МИД'],
    ],
  ],
  [
    'Доклад подготовил Комитет защиты журналистов (Committee to Protect Journalists) в Западной Европе.',
    [
      ['ORG', 'Комитет защиты журналистов', 'Комитет защиты журналистов'],
      ['ORG', 'Committee to Protect Journalists', 'Committee to Protect Journalists'],
      ['LOC', 'Западной Европе', 'Западная Европа'],
    ],
  ],
  [
    'На пресс-конференции Марин Ле Пен похвалила тренера Хиддинка.',
    [
      ['PER', 'Марин Ле Пен', 'Марин Ле Пен'],
      ['PER', 'Хиддинка', 'Хиддинк'],
    ],
  ],
  [
    'Председатель КНР Ху Цзиньтао встретился с журналистом Ши Тао (Shi Tao).',
    [
      ['LOC', 'КНР', 'КНР'],
      ['PER', 'Ху Цзиньтао', 'Ху Цзиньтао'],
      ['PER', 'Ши Тао', 'Ши Тао'],
      ['PER', 'Shi Tao', 'Shi Tao'],
    ],
  ],
  ['Экипаж шаттла Атлантис вернулся с Луны.', [['LOC', 'Луны', 'Луна']]],
  [
    'Экологи взяли пробы в реке Славянке и у деревни Заозерье, а Славянку очистят летом.',
    [
      ['LOC', 'Славянке', 'Славянка'],
      ['LOC', 'Заозерье', 'Заозерье'],
      ['LOC', 'Славянку', 'Славянка'],
    ],
  ],
];

describe('findEntities golden cases', () => {
  it.each(GOLDEN)('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe('findEntities on odd input', () => {
  it('keeps offsets into the original text through HTML markup', () => {
    const text = '<p>Мэр <b>Кузнецка</b> &amp; гости</p>';
    const found = entities(text);
    expect(found).toHaveLength(1);
    const [e] = found;
    expect(text.slice(e?.start, e?.end)).toBe('Кузнецка');
    expect(e?.normal).toBe('Кузнецк');
  });

  it.each([
    '',
    '😀😀 🎉',
    'Hello world, this is Latin only.',
    '\ud800 «незакрытая кавычка',
    'ХХ ВЕК. ВСЕ БУКВЫ ЗАГЛАВНЫЕ!',
  ])('does not throw on %j', (text) => {
    expect(() => entities(text)).not.toThrow();
    for (const e of entities(text)) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('handles a long text in time linear in its length', () => {
    const text = 'Вадим Щербаков посетил Кузнецк и Министерство финансов. '.repeat(2000);
    const found = entities(text);
    expect(found.filter((e) => e.type === 'PER')).toHaveLength(2000);
    expect(found.filter((e) => e.type === 'ORG')).toHaveLength(2000);
  });
});
