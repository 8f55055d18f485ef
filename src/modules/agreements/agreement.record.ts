import type { RecordRoutesDefinition } from '../audit/record-definition.ts';
import { resolveScope } from '../auth/record-scope.ts';
import { findAgreementById } from './agreement.repository.ts';
import {
  agreementCreateSchema,
  agreementListQuerySchema,
  agreementSchema,
  agreementUpdateSchema,
  type Agreement,
} from './agreement.schema.ts';
import { createAgreement, deleteAgreement, listAgreements, updateAgreement } from './agreement.service.ts';
import type { PartyInput } from './party.schema.ts';

type Parties = Array<Partial<PartyInput>>;

/** Parties as scope ids: an agreement belongs to every party and to every party's city. */
export function partyScopeIds(parties: Parties) {
  return {
    cityIds: parties.map((party) => party.cityId),
    organizationIds: parties.map((party) => party.organizationId),
  };
}

/** /api/agreements. */
export const agreementRecord: RecordRoutesDefinition<Agreement> = {
  path: 'agreements',
  what: 'Agreement',
  recordType: 'agreement',
  schemas: {
    record: agreementSchema,
    create: agreementCreateSchema,
    update: agreementUpdateSchema,
    list: agreementListQuerySchema,
  },
  find: findAgreementById,
  list: listAgreements,
  create: createAgreement,
  update: updateAgreement,
  remove: deleteAgreement,
  scopeOf: (db, agreement) => resolveScope(db, partyScopeIds(agreement.parties), { publishable: true }),
  scopeOfInput: (db, input, stored) =>
    resolveScope(db, partyScopeIds((input.parties as Parties | undefined) ?? stored?.parties ?? [])),
};
