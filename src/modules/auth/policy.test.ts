import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  can,
  cityFactsScope,
  INSTALLATION,
  readFilter,
  type Action,
  type ReadFilter,
  type Scope,
} from './policy.ts';
import { PUBLIC, type Principal, type RoleGrant } from './principal.ts';

const BARANOVICHI = 620127;
const KUZNETSK = 538836;
const KUTNO = 3093692;
const GYMNASIUM_5 = 7;
const LYCEUM_21 = 8;

function user(...roles: RoleGrant[]): Principal {
  return { kind: 'user', userId: 1, email: 'u@example.org', displayName: 'U', locale: 'ru', roles };
}

const principals: Record<string, Principal> = {
  admin: user({ role: 'admin' }),
  'Baranovichi editor': user({ role: 'city_editor', cityId: BARANOVICHI }),
  'Baranovichi viewer': user({ role: 'city_viewer', cityId: BARANOVICHI }),
  'gymnasium No. 5 editor': user({ role: 'org_editor', organizationId: GYMNASIUM_5 }),
  public: PUBLIC,
};

const scopes: Record<string, Scope> = {
  'a visit from Baranovichi to Kuznetsk': { cityIds: [BARANOVICHI, KUZNETSK], organizationIds: [] },
  "Kuznetsk's own event": { cityIds: [KUZNETSK], organizationIds: [] },
  'the gymnasium–lyceum agreement': {
    cityIds: [BARANOVICHI, KUZNETSK],
    organizationIds: [GYMNASIUM_5, LYCEUM_21],
  },
  "a lyceum's plan item": { cityIds: [KUZNETSK], organizationIds: [LYCEUM_21] },
  "a published visit of Kuznetsk's": { cityIds: [KUZNETSK], organizationIds: [], published: true },
  'the installation': INSTALLATION,
  // A city's facts (population, city day…), as the city route builds their scope from its twinnings.
  "Kuznetsk's facts, twinned with Baranovichi": cityFactsScope(
    KUZNETSK,
    [{ cityAId: KUZNETSK, cityBId: BARANOVICHI, status: 'active' }],
    false,
  ),
  "Kutno's facts, its twinning with Baranovichi ended": cityFactsScope(
    KUTNO,
    [{ cityAId: BARANOVICHI, cityBId: KUTNO, status: 'ended' }],
    false,
  ),
  "Kutno's facts, a twinning with Baranovichi only proposed": cityFactsScope(
    KUTNO,
    [{ cityAId: BARANOVICHI, cityBId: KUTNO, status: 'proposed' }],
    false,
  ),
  "Kuznetsk's facts, twinned with Baranovichi, Kuznetsk having editors": cityFactsScope(
    KUZNETSK,
    [{ cityAId: KUZNETSK, cityBId: BARANOVICHI, status: 'active' }],
    true,
  ),
  "Baranovichi's facts": cityFactsScope(
    BARANOVICHI,
    [{ cityAId: KUZNETSK, cityBId: BARANOVICHI, status: 'active' }],
    true,
  ),
};

// Every principal × every scope × every action, each expected allow (A) or deny (-), in the order
// read, create, update, delete, manage_users, read_audit. A city editor updates a twinned city's
// facts, but neither deletes the city nor acts for it otherwise (the facts scope only widens 'update').
const expected: Record<string, Record<string, string>> = {
  admin: {
    'a visit from Baranovichi to Kuznetsk': 'AAAAAA',
    "Kuznetsk's own event": 'AAAAAA',
    'the gymnasium–lyceum agreement': 'AAAAAA',
    "a lyceum's plan item": 'AAAAAA',
    "a published visit of Kuznetsk's": 'AAAAAA',
    'the installation': 'AAAAAA',
    "Kuznetsk's facts, twinned with Baranovichi": 'AAAAAA',
    "Kutno's facts, its twinning with Baranovichi ended": 'AAAAAA',
    "Kutno's facts, a twinning with Baranovichi only proposed": 'AAAAAA',
    "Kuznetsk's facts, twinned with Baranovichi, Kuznetsk having editors": 'AAAAAA',
    "Baranovichi's facts": 'AAAAAA',
  },
  'Baranovichi editor': {
    'a visit from Baranovichi to Kuznetsk': 'AAAA--',
    "Kuznetsk's own event": '------',
    'the gymnasium–lyceum agreement': 'AAAA--',
    "a lyceum's plan item": '------',
    "a published visit of Kuznetsk's": 'A-----',
    'the installation': '------',
    "Kuznetsk's facts, twinned with Baranovichi": '--A---',
    "Kutno's facts, its twinning with Baranovichi ended": '------',
    "Kutno's facts, a twinning with Baranovichi only proposed": '------',
    "Kuznetsk's facts, twinned with Baranovichi, Kuznetsk having editors": '------',
    "Baranovichi's facts": 'AAAA--',
  },
  'Baranovichi viewer': {
    'a visit from Baranovichi to Kuznetsk': 'A-----',
    "Kuznetsk's own event": '------',
    'the gymnasium–lyceum agreement': 'A-----',
    "a lyceum's plan item": '------',
    "a published visit of Kuznetsk's": 'A-----',
    'the installation': '------',
    "Kuznetsk's facts, twinned with Baranovichi": '------',
    "Kutno's facts, its twinning with Baranovichi ended": '------',
    "Kutno's facts, a twinning with Baranovichi only proposed": '------',
    "Kuznetsk's facts, twinned with Baranovichi, Kuznetsk having editors": '------',
    "Baranovichi's facts": 'A-----',
  },
  'gymnasium No. 5 editor': {
    'a visit from Baranovichi to Kuznetsk': '------',
    "Kuznetsk's own event": '------',
    'the gymnasium–lyceum agreement': 'AAAA--',
    "a lyceum's plan item": '------',
    "a published visit of Kuznetsk's": 'A-----',
    'the installation': '------',
    "Kuznetsk's facts, twinned with Baranovichi": '------',
    "Kutno's facts, its twinning with Baranovichi ended": '------',
    "Kutno's facts, a twinning with Baranovichi only proposed": '------',
    "Kuznetsk's facts, twinned with Baranovichi, Kuznetsk having editors": '------',
    "Baranovichi's facts": '------',
  },
  public: {
    'a visit from Baranovichi to Kuznetsk': '------',
    "Kuznetsk's own event": '------',
    'the gymnasium–lyceum agreement': '------',
    "a lyceum's plan item": '------',
    "a published visit of Kuznetsk's": 'A-----',
    'the installation': '------',
    "Kuznetsk's facts, twinned with Baranovichi": '------',
    "Kutno's facts, its twinning with Baranovichi ended": '------',
    "Kutno's facts, a twinning with Baranovichi only proposed": '------',
    "Kuznetsk's facts, twinned with Baranovichi, Kuznetsk having editors": '------',
    "Baranovichi's facts": '------',
  },
};

const ACTIONS: Action[] = ['read', 'create', 'update', 'delete', 'manage_users', 'read_audit'];

describe('who may do what', () => {
  for (const [who, principal] of Object.entries(principals)) {
    for (const [what, scope] of Object.entries(scopes)) {
      it(`${who} on ${what}: ${expected[who]![what]}`, () => {
        const actual = ACTIONS.map((action) => (can(principal, action, scope) ? 'A' : '-')).join('');
        expect(actual).toBe(expected[who]![what]);
      });
    }
  }
});

/** What a list's read filter lets through, as the list queries judge each row (record-scope.ts). */
function passes(filter: ReadFilter, scope: Scope): boolean {
  if (filter.everything) return true;
  return (
    (filter.published && scope.published === true) ||
    scope.cityIds.some((id) => filter.cityIds.includes(id)) ||
    scope.organizationIds.some((id) => filter.organizationIds.includes(id))
  );
}

describe('the read filter of lists', () => {
  it('lets through exactly the records each principal may read one by one', () => {
    for (const principal of Object.values(principals)) {
      for (const scope of Object.values(scopes)) {
        expect(passes(readFilter(principal), scope)).toBe(can(principal, 'read', scope));
      }
    }
  });

  it('agrees with `can` for any grants and any scope', () => {
    const id = fc.integer({ min: 1, max: 6 });
    const grant = fc.oneof(
      fc.constant({ role: 'admin' as const }),
      fc.record({ role: fc.constant('city_editor' as const), cityId: id }),
      fc.record({ role: fc.constant('city_viewer' as const), cityId: id }),
      fc.record({ role: fc.constant('org_editor' as const), organizationId: id }),
    );
    const principal = fc.oneof(
      fc.constant(PUBLIC),
      fc.array(grant, { maxLength: 3 }).map((roles) => user(...roles)),
    );
    const scope = fc.record({
      cityIds: fc.array(id, { maxLength: 3 }),
      organizationIds: fc.array(id, { maxLength: 3 }),
      published: fc.boolean(),
      // A twinned city's editors update its facts; they read no more for it.
      twinnedCityIds: fc.array(id, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        principal,
        scope,
        (who, where) => passes(readFilter(who), where) === can(who, 'read', where),
      ),
    );
  });
});
