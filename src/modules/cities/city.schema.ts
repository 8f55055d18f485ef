import { z } from 'zod';
import { MAX_INT4, recordIdSchema, storedFields, versionSchema } from '../audit/fields.schema.ts';

const nameSchema = z.string().trim().min(1).max(200);
const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');

const cityFields = z.object({
  nameRu: nameSchema.nullable(),
  nameBe: nameSchema.nullable(),
  nameEn: nameSchema,
  country: countrySchema,
  admin1: z.string().max(20),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  population: z.number().int().min(0).max(MAX_INT4),
  timezone: z.string().max(64).nullable(),
  foundedYear: z.number().int().min(-3000).max(2100).nullable(),
  /** The city day as `--MM-DD` (a day of the year, no year). */
  cityDay: z
    .string()
    .regex(/^--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'a day as --MM-DD')
    .nullable(),
});

/** A city a user adds (places outside the gazetteer): its English name and country at least. */
export const cityCreateSchema = cityFields.partial().required({ nameEn: true, country: true });
export type CityCreate = z.infer<typeof cityCreateSchema>;

/** A change to a city: the fields to change and the version the editor saw. */
export const cityUpdateSchema = cityFields.partial().extend({ version: versionSchema });
export type CityUpdate = z.infer<typeof cityUpdateSchema>;

/** A city as the registry shows it; `source` tells a GeoNames place from one a user added. */
export const citySchema = cityFields.extend({ ...storedFields, source: z.enum(['geonames', 'user']) });
export type City = z.infer<typeof citySchema>;

/** A search for cities by name in any of its languages, optionally within some countries. */
export const citySearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  countries: z.array(countrySchema).max(50).optional(),
  limit: z.number().int().min(1).max(100).default(10),
});
export type CitySearchQuery = z.infer<typeof citySearchQuerySchema>;

/** The id of a city, as routes and commands receive it. */
export const cityIdSchema = recordIdSchema;
