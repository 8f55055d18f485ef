import { describe, expect, it } from 'vitest';
import { can, INSTALLATION, type Action, type Scope } from './policy.ts';
import { PUBLIC, type Principal, type RoleGrant } from './principal.ts';

const BARANOVICHI = 620127;
const KUZNETSK = 538836;
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
};

// Every principal × every scope × every action, each expected allow (A) or deny (-), in the order
// read, create, update, delete, manage_users, read_audit.
const expected: Record<string, Record<string, string>> = {
  admin: {
    'a visit from Baranovichi to Kuznetsk': 'AAAAAA',
    "Kuznetsk's own event": 'AAAAAA',
    'the gymnasium–lyceum agreement': 'AAAAAA',
    "a lyceum's plan item": 'AAAAAA',
    "a published visit of Kuznetsk's": 'AAAAAA',
    'the installation': 'AAAAAA',
  },
  'Baranovichi editor': {
    'a visit from Baranovichi to Kuznetsk': 'AAAA--',
    "Kuznetsk's own event": '------',
    'the gymnasium–lyceum agreement': 'AAAA--',
    "a lyceum's plan item": '------',
    "a published visit of Kuznetsk's": 'A-----',
    'the installation': '------',
  },
  'Baranovichi viewer': {
    'a visit from Baranovichi to Kuznetsk': 'A-----',
    "Kuznetsk's own event": '------',
    'the gymnasium–lyceum agreement': 'A-----',
    "a lyceum's plan item": '------',
    "a published visit of Kuznetsk's": 'A-----',
    'the installation': '------',
  },
  'gymnasium No. 5 editor': {
    'a visit from Baranovichi to Kuznetsk': '------',
    "Kuznetsk's own event": '------',
    'the gymnasium–lyceum agreement': 'AAAA--',
    "a lyceum's plan item": '------',
    "a published visit of Kuznetsk's": 'A-----',
    'the installation': '------',
  },
  public: {
    'a visit from Baranovichi to Kuznetsk': '------',
    "Kuznetsk's own event": '------',
    'the gymnasium–lyceum agreement': '------',
    "a lyceum's plan item": '------',
    "a published visit of Kuznetsk's": 'A-----',
    'the installation': '------',
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
