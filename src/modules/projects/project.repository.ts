import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database, ProjectRow } from '../../db/database.ts';
import { hasPartiesInBothCities, partyFilters, withParties } from '../agreements/party-owner.repository.ts';
import type { Party } from '../agreements/party.schema.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { deleteRowIfVersion, updateRowIfVersion } from '../audit/versioned-row.ts';
import { findOrThrow } from '../audit/record-readers.ts';
import {
  dateKey,
  enumKey,
  selectPage,
  textKey,
  TIMESTAMP_SORTS,
  type ListSorts,
  type Page,
} from '../audit/cursor-page.ts';
import type { Project, ProjectCreate, ProjectListQuery, ProjectUpdate } from './project.schema.ts';
import type { PROJECT_SORTS } from './project.schema.ts';

/** Maps a stored project row and its parties to the domain shape. */
export function toProject(row: ProjectRow, parties: Party[]): Project {
  return {
    id: row.id,
    title: row.title,
    sphere: row.sphere,
    status: row.status,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    description: row.description,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
    parties,
  };
}

const projectsOf = (db: Kysely<Database>, rows: ProjectRow[]) => withParties(db, 'project', rows, toProject);

/** The project with this id and its parties, if any. */
export async function findProjectById(db: Kysely<Database>, id: number): Promise<Project | undefined> {
  const row = await db.selectFrom('project').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await projectsOf(db, [row]))[0];
}

/** The project with this id; absence is an error. */
export const findProjectByIdOrThrow = findOrThrow(findProjectById, 'Project');

/** Stores a new project (parties go in separately, before the commit) and returns its id. */
export async function insertProject(db: Kysely<Database>, input: ProjectCreate): Promise<number> {
  const row = await db
    .insertInto('project')
    .values({
      title: input.title,
      sphere: input.sphere,
      status: input.status,
      started_on: input.startedOn ?? null,
      ended_on: input.endedOn ?? null,
      description: input.description ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies a change to the project's own fields when the stored version is still the one given. */
export async function updateProjectRow(
  db: Kysely<Database>,
  id: number,
  change: ProjectUpdate,
): Promise<boolean> {
  return updateRowIfVersion(db, 'project', id, change.version, {
    title: change.title,
    sphere: change.sphere,
    status: change.status,
    started_on: change.startedOn,
    ended_on: change.endedOn,
    description: change.description,
  });
}

/** Removes a project with its parties, when its stored version is still the one given. */
export async function deleteProjectRow(db: Kysely<Database>, id: number, version: number): Promise<boolean> {
  return deleteRowIfVersion(db, 'project', id, version);
}

// Projects without a start date sort as the oldest.
const STARTED_KEY = sql<string>`coalesce(started_on, '0001-01-01'::date)`;

/** How projects can be sorted; latest started first unless asked otherwise. Projects without a start
 * count as the oldest; those still running as ending last. */
const PROJECT_SORTING: ListSorts<(typeof PROJECT_SORTS)[number]> = {
  fields: {
    startedOn: { key: dateKey(STARTED_KEY), direction: 'desc' },
    endedOn: { key: dateKey(sql`coalesce(ended_on, '9999-12-31'::date)`), direction: 'desc' },
    title: { key: textKey(sql`lower(title)`), direction: 'asc' },
    status: { key: enumKey('status', ['planned', 'active', 'completed', 'stopped']), direction: 'asc' },
    sphere: { key: textKey(sql.ref('sphere')), direction: 'asc' },
    ...TIMESTAMP_SORTS,
  },
  default: 'startedOn',
};

/** A page of projects matching the filter, latest started first. */
export async function selectProjectPage(
  db: Kysely<Database>,
  query: ProjectListQuery,
  restrict?: Expression<SqlBool>,
): Promise<Page<Project>> {
  let select = db.selectFrom('project').selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.sphere !== undefined) select = select.where('sphere', '=', query.sphere);
  for (const condition of partyFilters('project', query)) select = select.where(condition);
  return selectPage(select, PROJECT_SORTING, query, (rows) => projectsOf(db, rows), restrict);
}

/** Projects with a party in each of the two cities: the projects under their twinning. */
export async function selectProjectsBetweenCities(
  db: Kysely<Database>,
  cityAId: number,
  cityBId: number,
): Promise<Project[]> {
  const rows = await db
    .selectFrom('project')
    .selectAll()
    .where(hasPartiesInBothCities('project', cityAId, cityBId))
    .orderBy(STARTED_KEY, 'desc')
    .orderBy('id', 'desc')
    .execute();
  return projectsOf(db, rows);
}
