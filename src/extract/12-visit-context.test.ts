import { beforeAll, describe, expect, it } from 'vitest';
import { facts, prepareExtractor } from './golden.ts';

beforeAll(prepareExtractor, 60_000);

describe('visits across sentences and the home city', () => {
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

  it('takes a «наш город» that names no side for the host', () => {
    const host =
      'В Пинск прибыла делегация из Калуги. Вечером гости увидели новую набережную нашего города и ' +
      'торжественное открытие фонтана.';
    expect(facts(host).events.map((e) => [e.name, e.city])).toEqual([
      ['торжественное открытие фонтана', 'Пинск'],
    ]);
  });

  it('takes «с нашим городом» for the host side when the guests come from a named city', () => {
    const text =
      'Мэр города Тверь Олег Смирнов прибыл с официальным визитом в Пинск. Знакомство гостей с нашим ' +
      'городом началось с презентации книги о Пинске.';
    const r = facts(text);
    expect(r.visits.map((v) => [v.from_city, v.to_city, v.head?.name])).toEqual([
      ['Тверь', 'Пинск', 'Олег Смирнов'],
    ]);
    expect(r.events.map((e) => e.city)).toEqual(['Пинск']);
  });

  it('takes a trip that names no travellers, while guests are in the home city, for their excursion', () => {
    const text =
      'В наш город прибыла делегация из Калуги. Затем состоялась поездка в Несвиж, где гости осмотрели замок.';
    expect(facts(text, { homeCity: 'Пинск' }).visits.map((v) => [v.from_city, v.to_city])).toEqual([
      ['Калуга', 'Пинск'],
    ]);
  });

  it('records no visit of a town to itself', () => {
    const text =
      'В Пензе прошли праздничные мероприятия, в которых приняли участие гости и мэр Пензы Олег Панов.';
    expect(facts(text).visits.filter((v) => v.from_city === v.to_city)).toEqual([]);
  });

  it('does not take the official who received them («их принял») for the head of the guests', () => {
    const text = 'Во время визита делегации Калуги в Пинск их принял мэр города Олег Смирнов.';
    expect(facts(text).visits.map((v) => v.head?.name ?? null)).toEqual([null]);
  });

  it('does not take the host who met the guests for the head of their delegation', () => {
    const text =
      'В Кузнецк прибыла делегация из Барановичей. Гостей встретил глава города Кузнецка Сергей Злобин.';
    const r = facts(text);
    expect(r.visits.map((v) => v.head)).toEqual([null]);
    expect(r.persons).toEqual([{ name: 'Сергей Злобин', position: 'глава города Кузнецка' }]);
  });

  it('takes a town head listed first among the members for the head, and «в этот же день» for the day', () => {
    const text =
      '1 октября в Пензу прибыла делегация Гомельского района. В составе делегации – председатель Гомельского ' +
      'райисполкома Анатолий Шабанов и директор музея Ирина Ковалева. В этот же день заключено соглашение о ' +
      'сотрудничестве между гимназией № 53 г. Пензы и средней школой № 2 г. Гомеля.';
    const r = facts(text);
    expect(r.visits[0]?.head?.name).toBe('Анатолий Шабанов');
    expect(r.agreements[0]?.signed_on).toBe('--10-01');
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

  it('reads a one-day visit led by a «начальник» as one day («начальником» is no «начал»)', () => {
    const [v] = facts(
      '16 мая официальная делегация из города Бреста во главе с начальником управления образования ' +
        'Ольгой Ивановой совершила визит в Кузнецк.',
      { date: '2024-05-20' },
    ).visits;
    expect([v?.from_city, v?.to_city, v?.start, v?.end]).toEqual([
      'Брест',
      'Кузнецк',
      '2024-05-16',
      '2024-05-16',
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

  it('reads an official taking part «по приглашению» of another town’s head as his visit there', () => {
    const [v] = facts(
      'В Пензе прошла неделя культуры. По приглашению мэра Пензы в ней принял участие глава Гродно Игорь Лазаревич.',
    ).visits;
    expect([v?.from_city, v?.to_city, v?.head?.name]).toEqual(['Гродно', 'Пенза', 'Игорь Лазаревич']);
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

  it('makes one visit per city of a list of delegations, hosted where the events happen', () => {
    const text =
      'Праздник собрал много гостей. На открытии ярмарки побывали делегации городов-партнеров ' +
      'из Пензы, Гродно (Беларусь) и Оша в Кузнецке.';
    const r = facts(text);
    expect(r.visits.map((v) => [v.from_city, v.to_city])).toEqual([
      ['Пенза', 'Кузнецк'],
      ['Гродно', 'Кузнецк'],
      ['Ош', 'Кузнецк'],
    ]);
  });

  it('takes the host from the celebrated city when the list sentence names none', () => {
    const text =
      'Пинчане отметили День города Пинска большим концертом. ' +
      'На торжествах присутствовали делегации городов-побратимов: Кузнецк, Пенза и Гродно.';
    const r = facts(text);
    expect(r.visits.map((v) => [v.from_city, v.to_city])).toEqual([
      ['Кузнецк', 'Пинск'],
      ['Пенза', 'Пинск'],
      ['Гродно', 'Пинск'],
    ]);
  });

  it('reads the host as the city that receives guests, and a district as the visiting side', () => {
    const [v] = facts('На выходных Пинск принимал гостей из Лунинецкого района.').visits;
    expect([v?.from_city, v?.to_city]).toEqual(['Лунинецкий район', 'Пинск']);
  });

  it('skips an adjective between the preposition and the city', () => {
    const [v] = facts('Школьная делегация из Кузнецка отправилась в соседний Брест.').visits;
    expect([v?.from_city, v?.to_city]).toEqual(['Кузнецк', 'Брест']);
  });

  it('does not take the stops of a tour for visiting cities', () => {
    const r = facts('Делегация из Кузнецка побывала в Минске, Бресте и Гродно.');
    expect(r.visits.map((v) => v.from_city)).toEqual(['Кузнецк']);
  });

  it('reads a delegation taking part in a forum held in a city as a visit there', () => {
    const [v] = facts(
      'Гродненская делегация приняла участие в форуме регионов, который прошел в Пинске.',
    ).visits;
    expect([v?.from_city, v?.to_city]).toEqual(['Гродно', 'Пинск']);
  });
});
