import { beforeAll, describe, expect, it } from 'vitest';
import { facts, prepareExtractor } from './golden.ts';

beforeAll(prepareExtractor, 60_000);

type Head = { name: string | null; position: string | null } | null;
// Snippet, expected from, to, kind, head.
const CASES: [string, string | null, string | null, string | null, Head][] = [
  [
    'Делегация Кузнецка во главе с главой города Сергеем Злобиным посетила Барановичи.',
    'Кузнецк',
    'Барановичи',
    null,
    { name: 'Сергей Злобин', position: 'глава города' },
  ],
  [
    'Делегация, возглавляемая председателем Пинского горисполкома Андреем Коржом, прибыла с официальным визитом в Кузнецк.',
    'Пинск',
    'Кузнецк',
    'official',
    { name: 'Андрей Корж', position: 'председатель Пинского горисполкома' },
  ],
  [
    'Делегация города Барановичи совершила деловой визит в Пензу. Возглавлял делегацию Рыбаков Олег Петрович, первый заместитель председателя горисполкома.',
    'Барановичи',
    'Пенза',
    'business',
    { name: 'Олег Рыбаков', position: 'первый заместитель председателя горисполкома' },
  ],
  [
    'В Барановичах с рабочим визитом побывала делегация мэра Бреста Ивана Колосова.',
    'Брест',
    'Барановичи',
    'working',
    { name: 'Иван Колосов', position: 'мэр Бреста' },
  ],
  [
    'Аким Караганды Ержан Ахметов, находящийся с официальным визитом в Барановичах, посетил швейную фабрику.',
    'Караганда',
    'Барановичи',
    'official',
    { name: 'Ержан Ахметов', position: 'аким Караганды' },
  ],
  [
    'Делегация из Бишкека во главе с вице-мэром прибыла с визитом в Барановичи.',
    'Бишкек',
    'Барановичи',
    null,
    { name: null, position: 'вице-мэр' },
  ],
  [
    'Делегация во главе с хокимом Самарканда Эркином Турдиевым прибыла с дружественным визитом в Пензу.',
    'Самарканд',
    'Пенза',
    'other',
    { name: 'Эркин Турдиев', position: 'хоким Самарканда' },
  ],
  [
    'Бурмистр Несвижа Павел Ковальчук во главе делегации побывал с рабочим визитом в Кузнецке.',
    'Несвиж',
    'Кузнецк',
    'working',
    { name: 'Павел Ковальчук', position: 'бурмистр Несвижа' },
  ],
  [
    'Делегация во главе с председателем городского кенеша Оша Нурланом Асановым совершила визит в Пензу.',
    'Ош',
    'Пенза',
    null,
    { name: 'Нурлан Асанов', position: 'председатель городского кенеша Оша' },
  ],
  [
    'В Пинск прибыла делегация во главе с заместителем председателя маслихата Караганды Айгуль Сериковой.',
    'Караганда',
    'Пинск',
    null,
    { name: 'Айгуль Серикова', position: 'заместитель председателя маслихата Караганды' },
  ],
  [
    'Градоначальник Кузнецка Сергей Злобин с рабочим визитом находился в Барановичах.',
    'Кузнецк',
    'Барановичи',
    'working',
    { name: 'Сергей Злобин', position: 'градоначальник Кузнецка' },
  ],
  [
    'Делегация во главе с председателем Пинского районного Совета депутатов Ольгой Марченко посетила Кузнецк.',
    'Пинск',
    'Кузнецк',
    null,
    { name: 'Ольга Марченко', position: 'председатель Пинского районного Совета депутатов' },
  ],
];

describe('visits', () => {
  it.each(CASES)('%s', (text, from, to, kind, head) => {
    const visits = facts(text).visits;
    expect(visits).toHaveLength(1);
    const [v] = visits;
    expect({ from: v?.from_city, to: v?.to_city, kind: v?.kind, head: v?.head }).toEqual({
      from,
      to,
      kind,
      head,
    });
  });

  it('resolves «наш город» to the home city on the host side', () => {
    const text = 'На прошлой неделе наш город посетила делегация из Пензы во главе с мэром Олегом Бусовым.';
    const [v] = facts(text, { homeCity: 'Барановичи' }).visits;
    expect([v?.from_city, v?.to_city]).toEqual(['Пенза', 'Барановичи']);
  });

  it('guesses the home city as the unnamed side the text names most, and dates the visit by the sentence before', () => {
    const text =
      'В минувшую субботу наш город отметил 155-летие. На торжества прибыла делегация из Гродно. ' +
      'Гости посетили Барановичский краеведческий музей и встретились с председателем Барановичского горисполкома.';
    const r = facts(text, { date: '2025-09-22' });
    expect(r.visits.map((v) => [v.from_city, v.to_city, v.start])).toEqual([
      ['Гродно', 'Барановичи', '2025-09-20'],
    ]);
    expect(r.events.map((e) => [e.name, e.city])).toEqual([['155-летие', 'Барановичи']]);
  });

  it('fills the missing side with the home city', () => {
    const [v] = facts('Официальная делегация совершила рабочий визит в Кузнецк.', {
      homeCity: 'Барановичи',
    }).visits;
    expect([v?.from_city, v?.to_city]).toEqual(['Барановичи', 'Кузнецк']);
  });

  it('keeps a return visit to another city apart from the first', () => {
    const text =
      'С 18 по 21 сентября делегация из Барановичей находилась с рабочим визитом в Кузнецке. ' +
      'Ответный визит делегации Кузнецка в Барановичи запланирован на 27-28 июля.';
    const visits = facts(text).visits;
    expect(visits.map((v) => [v.from_city, v.to_city, v.start, v.end])).toEqual([
      ['Барановичи', 'Кузнецк', '--09-18', '--09-21'],
      ['Кузнецк', 'Барановичи', '--07-27', '--07-28'],
    ]);
  });

  it('reads a meeting with a delegation in the home city as its visit', () => {
    const [v] = facts('5 июня в горисполкоме состоялась встреча с делегацией из Кузнецка.', {
      homeCity: 'Барановичи',
    }).visits;
    expect([v?.from_city, v?.to_city, v?.start]).toEqual(['Кузнецк', 'Барановичи', '--06-05']);
  });

  it('reads a future visit of representatives with an open end', () => {
    const [v] = facts('Представители Кузнецка приедут в Барановичи 12 июля.', { date: '2025-06-01' }).visits;
    expect([v?.from_city, v?.to_city, v?.start, v?.end]).toEqual([
      'Кузнецк',
      'Барановичи',
      '2025-07-12',
      null,
    ]);
  });

  it('reads a titled official travelling alone, without the word «визит»', () => {
    const [v] = facts(
      'Председатель Барановичского горисполкома Максим Антонюк 3 марта посетил Кузнецк.',
    ).visits;
    expect([v?.from_city, v?.to_city, v?.start, v?.head?.name]).toEqual([
      'Барановичи',
      'Кузнецк',
      '--03-03',
      'Максим Антонюк',
    ]);
  });

  it('finds no visit when an official visits an institution of his own town', () => {
    expect(
      facts('Председатель горисполкома Максим Антонюк посетил гимназию № 5 г. Барановичи.').visits,
    ).toEqual([]);
  });

  it('finds no visit where a delegation is only mentioned', () => {
    expect(facts('Работа с молодежью остается приоритетом для нашей делегации в парламенте.').visits).toEqual(
      [],
    );
  });
});
