import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-extensions.ts';
import * as m0002 from './0002-registry.ts';
import * as m0003 from './0003-activities.ts';
import * as m0004 from './0004-accounts.ts';
import * as m0007 from './0007-login-attempts.ts';
import * as m0008 from './0008-visit-program.ts';
import * as m0009 from './0009-calendar-feed.ts';
import * as m0011 from './0011-list-sort-indexes.ts';
import * as m0012 from './0012-visit-days-indexes.ts';
import * as m0013 from './0013-name-search-keys.ts';
import * as m0014 from './0014-document-scope.ts';
import * as m0015 from './0015-project-search.ts';
import * as m0016 from './0016-session-password-change.ts';
import * as m0017 from './0017-gazetteer-names.ts';
import * as m0018 from './0018-user-password-chosen-by-others.ts';
import * as m0019 from './0019-attached-file.ts';
import * as m0020 from './0020-dates-from-visits.ts';
import * as m0021 from './0021-backup-schedule.ts';
import * as m0022 from './0022-program-item-time.ts';
import * as m0023 from './0023-agreement-stages.ts';
import * as m0024 from './0024-mail.ts';
import * as m0026 from './0026-contacts.ts';

/** Every migration, in order; imported statically so the list is the same from source, tests and bundles. */
export const migrations: Record<string, Migration> = {
  '0001-extensions': m0001,
  '0002-registry': m0002,
  '0003-activities': m0003,
  '0004-accounts': m0004,
  '0007-login-attempts': m0007,
  '0008-visit-program': m0008,
  '0009-calendar-feed': m0009,
  '0011-list-sort-indexes': m0011,
  '0012-visit-days-indexes': m0012,
  '0013-name-search-keys': m0013,
  '0014-document-scope': m0014,
  '0015-project-search': m0015,
  '0016-session-password-change': m0016,
  '0017-gazetteer-names': m0017,
  '0018-user-password-chosen-by-others': m0018,
  '0019-attached-file': m0019,
  '0020-dates-from-visits': m0020,
  '0021-backup-schedule': m0021,
  '0022-program-item-time': m0022,
  '0023-agreement-stages': m0023,
  '0024-mail': m0024,
  '0026-contacts': m0026,
};

/** Kysely's provider over the static list. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
