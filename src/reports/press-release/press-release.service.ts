import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { parseInput } from '../../modules/audit/audited-write.ts';
import { recordIdSchema } from '../../modules/audit/fields.schema.ts';
import { loadInflection } from '../russian/inflect.ts';
import { composePressRelease, type ComposeOptions, type PressRelease } from './press-release.composer.ts';
import { loadPressReleaseData } from './press-release.data.ts';
import type { DetailsReader } from '../../modules/visits/visit-details.service.ts';

export type { PressRelease } from './press-release.composer.ts';

/**
 * Writes the press-release draft of a visit from the registry, as `reader` may see it; `not_found`
 * when there is no such visit.
 */
export async function writePressRelease(
  db: Kysely<Database>,
  visitId: number,
  options: ComposeOptions = {},
  reader?: DetailsReader,
): Promise<PressRelease> {
  const id = parseInput(recordIdSchema, visitId);
  const [data] = await Promise.all([loadPressReleaseData(db, id, reader), loadInflection()]);
  return composePressRelease(data, options);
}

/** A file name for the release: «press-release-visit-12.docx», with the Russian title for browsers that take it. */
export function pressReleaseFileNames(visitId: number, release: PressRelease, extension: 'docx' | 'txt') {
  return {
    ascii: `press-release-visit-${visitId}.${extension}`,
    russian: `${release.title.replace(/[\\/:*?"<>|]/g, ' ').slice(0, 120)}.${extension}`,
  };
}
