import { z } from 'zod';
import { toCity } from '../../modules/cities/city.repository.ts';
import type { City } from '../../modules/cities/city.schema.ts';
import { isAdministrator } from '../../modules/auth/policy.ts';
import { resolveScope } from '../../modules/auth/record-scope.ts';
import { mayRead, number, text, type ExportKind } from './export-kind.ts';

/** The registry's cities, optionally of one country (ISO code). */
const cityQuerySchema = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code')
    .optional(),
});

/** A registry city with the partners the asker may see. */
type RegistryCity = City & { home: boolean; partnerIds: number[] };

/** A city day (`--09-16`) as Russians write a day without a year: «16.09». */
const cityDayText = (cityDay: string | null) =>
  cityDay ? `${cityDay.slice(5)}.${cityDay.slice(2, 4)}` : null;

/**
 * The cities of the registry: the installation's own cities and their partners (the twin network,
 * as far as the asker may read its twinnings), with what users entered about them; an administrator
 * sees the places users added as well. Gazetteer places nobody twinned stay out.
 */
export const registryCities: ExportKind<RegistryCity> = {
  kind: 'cities',
  title: 'Города реестра',
  query: cityQuerySchema,
  async collect(db, principal, query) {
    const { country } = cityQuerySchema.parse(query);
    const homes = new Set(
      (await db.selectFrom('home_city').select('city_id').execute()).map((row) => row.city_id),
    );
    const partners = new Map<number, number[]>();
    const twinnings = await db
      .selectFrom('twinning')
      .select(['city_a_id', 'city_b_id'])
      .orderBy('id')
      .execute();
    for (const twinning of twinnings) {
      const scope = () =>
        resolveScope(db, { cityIds: [twinning.city_a_id, twinning.city_b_id] }, { publishable: true });
      if (!(await mayRead(principal, scope))) continue;
      for (const [one, other] of [
        [twinning.city_a_id, twinning.city_b_id],
        [twinning.city_b_id, twinning.city_a_id],
      ] as const) {
        partners.set(one, [...(partners.get(one) ?? []), other]);
      }
    }
    let select = db.selectFrom('city').selectAll();
    select = select.where((eb) =>
      eb.or([
        // 0 names no city: it keeps the list of ids from being empty, which SQL would refuse.
        eb('id', 'in', [0, ...homes, ...partners.keys()]),
        ...(isAdministrator(principal) ? [eb('source', '=', 'user')] : []),
      ]),
    );
    if (country) select = select.where('country', '=', country);
    const rows = await select.orderBy('sort_key').orderBy('id').execute();
    return rows.map((row) => ({
      ...toCity(row),
      home: homes.has(row.id),
      partnerIds: partners.get(row.id) ?? [],
    }));
  },
  refs: (city) => ({ cityIds: city.partnerIds }),
  columns: [
    number('ID', (city) => city.id),
    text('Название', 22, (city) => city.nameRu ?? city.nameEn),
    text('Название (бел.)', 22, (city) => city.nameBe),
    text('Название (англ.)', 22, (city) => city.nameEn),
    text('Страна', 8, (city) => city.country),
    text('Наш город', 8, (city) => (city.home ? 'да' : null)),
    text(
      'Города-партнёры',
      40,
      (city, names) => city.partnerIds.map((id) => names.city(id)).join('; ') || null,
    ),
    number('Население', (city) => city.population || null),
    number('Год основания', (city) => city.foundedYear),
    text('День города', 10, (city) => cityDayText(city.cityDay)),
    text('Часовой пояс', 18, (city) => city.timezone),
    text('Источник', 16, (city) => (city.source === 'user' ? 'добавлен вручную' : 'GeoNames')),
  ],
};
