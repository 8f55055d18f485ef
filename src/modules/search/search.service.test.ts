import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import type { Principal } from '../auth/principal.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { RANKED_MATCHES } from './search.repository.ts';
import { searchRegistry } from './search.service.ts';

const ADMIN: Principal = {
  kind: 'user',
  userId: 1,
  email: 'admin@example.org',
  displayName: 'admin',
  locale: 'ru',
  roles: [{ role: 'admin' }],
};

describe.each(testEngines())('search over many documents on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });
  afterAll(() => handle.close());

  it('ranks the newest matches of a common word: the best of them first, an old one left out', async () => {
    const count = RANKED_MATCHES + 100;
    const day = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const titles = Array.from({ length: count }, (_, n) =>
      n === 0
        ? 'Фестиваль, фестиваль, фестиваль: старейший выпуск'
        : n === count - 1
          ? 'Фестиваль, фестиваль, фестиваль: новейший выпуск'
          : `Выпуск ${n}`,
    );
    const bodies = titles.map((_, n) => `Участники фестиваля выступили с концертом номер ${n}.`);
    await sql`
      INSERT INTO document (title, body, content_hash, published_on)
      SELECT * FROM unnest(${titles}::text[], ${bodies}::text[],
        ${bodies.map((body) => createHash('sha256').update(body).digest('hex'))}::text[],
        ${titles.map((_, n) => day(n))}::date[])
    `.execute(db);

    const result = await searchRegistry(db, ADMIN, { q: 'фестивалей', kinds: 'document', limit: '50' });
    const labels = result.groups[0]!.hits.map((hit) => hit.label);
    expect(labels).toHaveLength(50);
    expect(labels[0]).toBe('Фестиваль, фестиваль, фестиваль: новейший выпуск');
    expect(labels).not.toContain('Фестиваль, фестиваль, фестиваль: старейший выпуск');
    // A word in fewer documents than that is ranked among all of them: the oldest one is found.
    const rare = await searchRegistry(db, ADMIN, { q: 'старейший', kinds: 'document' });
    expect(rare.groups[0]!.hits.map((hit) => hit.label)).toEqual([
      'Фестиваль, фестиваль, фестиваль: старейший выпуск',
    ]);
  });

  it("finds an editor's own city's person even when many people of other cities match better", async () => {
    const baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    const elsewhere = await insertTestCity(db, 'Пенза', 'Penza', 'RU');
    const names = Array.from({ length: 60 }, (_, n) => `Щербаков ${n}`);
    await sql`
      INSERT INTO person (full_name, city_id)
      SELECT name, ${elsewhere}::integer FROM unnest(${names}::text[]) AS name
    `.execute(db);
    await sql`INSERT INTO person (full_name, city_id) VALUES ('Вадим Щербаков', ${baranovichi})`.execute(db);
    const editor: Principal = { ...ADMIN, userId: 2, roles: [{ role: 'city_editor', cityId: baranovichi }] };

    const result = await searchRegistry(db, editor, { q: 'Щербаков', kinds: 'person' });
    expect(result.groups[0]!.hits.map((hit) => hit.label)).toEqual(['Вадим Щербаков']);
    const everyone = await searchRegistry(db, ADMIN, { q: 'Щербаков', kinds: 'person', limit: '50' });
    expect(everyone.groups[0]!.hits).toHaveLength(50);
  });

  it("gives an editor a full page of their city's documents and the review queue, none of another city's", async () => {
    const lida = await insertTestCity(db, 'Лида', 'Lida');
    const grodno = await insertTestCity(db, 'Гродно', 'Grodno');
    const store = async (title: string, cityId: number | null, published: string) => {
      const body = `${title}: ярмарка ремёсел прошла на площади.`;
      const row = await db
        .insertInto('document')
        .values({
          title,
          body,
          content_hash: createHash('sha256').update(body).digest('hex'),
          published_on: published,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (cityId !== null)
        await db
          .insertInto('record_source')
          .values({ document_id: row.id, record_type: 'city', record_id: cityId })
          .execute();
      return row.id;
    };
    // Grodno's documents are newer and more: filtering after the query would leave Lida's out.
    for (let n = 0; n < 15; n++) await store(`Гродно ${n}`, grodno, '2026-03-01');
    const lidas = [];
    for (let n = 0; n < 4; n++) lidas.push(await store(`Лида ${n}`, lida, '2025-01-01'));
    const pending = await store('Без проверки', null, '2024-01-01');
    const editor: Principal = { ...ADMIN, userId: 3, roles: [{ role: 'city_editor', cityId: lida }] };

    const result = await searchRegistry(db, editor, { q: 'ярмарка', kinds: 'document', limit: '5' });
    expect(result.groups[0]!.hits.map((hit) => hit.id).sort()).toEqual([...lidas, pending].sort());
    const viewer: Principal = { ...ADMIN, userId: 4, roles: [{ role: 'city_viewer', cityId: lida }] };
    const viewed = await searchRegistry(db, viewer, { q: 'ярмарка', kinds: 'document', limit: '5' });
    // The review queue is the editors': a viewer sees their city's documents only.
    expect(viewed.groups[0]!.hits.map((hit) => hit.id).sort()).toEqual([...lidas].sort());
  });

  it("finds projects by a word form of their title or description, an editor only their city's", async () => {
    const [mozyr, pinsk, turov] = [
      await insertTestCity(db, 'Мозырь', 'Mozyr'),
      await insertTestCity(db, 'Пинск', 'Pinsk'),
      await insertTestCity(db, 'Туров', 'Turov'),
    ];
    const project = async (title: string, description: string, cityIds: [number, number]) => {
      return db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('project')
          .values({ title, description })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('project_party')
          .values(cityIds.map((city_id) => ({ project_id: id, city_id })))
          .execute();
        return id;
      });
    };
    const ours = await project('Школьный обмен', 'Летний лагерь для школьников двух городов', [mozyr, turov]);
    const theirs = await project('Обмен учителями', 'Школьные учителя ведут уроки у партнёров', [
      pinsk,
      turov,
    ]);
    await project('Ярмарка ремёсел', 'Мастера показывают работы', [mozyr, pinsk]);

    const everything = await searchRegistry(db, ADMIN, { q: 'школьного обмена', kinds: 'project' });
    expect(everything.groups.map((group) => group.kind)).toEqual(['project']);
    expect(everything.groups[0]!.hits.map((hit) => hit.id).sort()).toEqual([ours, theirs].sort());
    expect(everything.groups[0]!.hits[0]).toMatchObject({ id: ours, label: 'Школьный обмен' });
    // The matched words are marked in the fragment.
    expect(
      everything.groups[0]!.hits[0]!.fragment.filter((part) => part.match).map((part) => part.text),
    ).toContain('Школьный');
    const editor: Principal = { ...ADMIN, userId: 5, roles: [{ role: 'city_editor', cityId: mozyr }] };
    const own = await searchRegistry(db, editor, { q: 'школьного обмена' });
    expect(own.groups.find((group) => group.kind === 'project')!.hits.map((hit) => hit.id)).toEqual([ours]);
  });

  it('shows what tells a person apart, not the name again: the current position, else the city', async () => {
    const kuznetsk = await insertTestCity(db, 'Новокузнецк', 'Novokuznetsk', 'RU');
    const lyceum = await db
      .insertInto('organization')
      .values({ city_id: kuznetsk, name: 'Лицей № 21' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [withPosition, withCity, bare] = await db
      .insertInto('person')
      .values([
        { full_name: 'Ирина Оболенская', city_id: kuznetsk },
        { full_name: 'Пётр Оболенский', city_id: kuznetsk },
        { full_name: 'Олег Оболенцев' },
      ])
      .returning('id')
      .execute();
    await db
      .insertInto('position')
      .values([
        { person_id: withPosition!.id, title: 'учитель', organization_id: lyceum.id, ended_on: '2020-06-30' },
        {
          person_id: withPosition!.id,
          title: 'директор',
          organization_id: lyceum.id,
          started_on: '2020-07-01',
        },
      ])
      .execute();

    const result = await searchRegistry(db, ADMIN, { q: 'Оболенск', kinds: 'person' });
    const fragments = new Map(
      result.groups[0]!.hits.map((hit) => [hit.id, hit.fragment.map((part) => part.text).join('')]),
    );
    expect(fragments.get(withPosition!.id)).toBe('директор, Лицей № 21, Новокузнецк');
    expect(fragments.get(withCity!.id)).toBe('Новокузнецк');
    const nameOnly = await searchRegistry(db, ADMIN, { q: 'Оболенцев', kinds: 'person' });
    expect(nameOnly.groups[0]!.hits.find((hit) => hit.id === bare!.id)?.fragment).toEqual([]);
  });
});
