import { agreementRecord } from '../modules/agreements/agreement.record.ts';
import { eventRecord } from '../modules/events/event.record.ts';
import { organizationRecord } from '../modules/organizations/organization.record.ts';
import { personRecord } from '../modules/persons/person.record.ts';
import { planItemRecord } from '../modules/plans/plan-item.record.ts';
import { projectRecord } from '../modules/projects/project.record.ts';
import { programItemRecord } from '../modules/visit-program/program-item.record.ts';
import { visitRecord } from '../modules/visits/visit.record.ts';
import { recordRoutes } from './record-routes.ts';

// The REST routes of the records served the one way of record-routes.ts, each under /api/<path> of
// its definition (src/modules/<kind>/<kind>.record.ts).

/** /api/agreements. */
export const agreementRoutes = recordRoutes(agreementRecord);
/** /api/events. */
export const eventRoutes = recordRoutes(eventRecord);
/** /api/organizations. */
export const organizationRoutes = recordRoutes(organizationRecord);
/** /api/persons. */
export const personRoutes = recordRoutes(personRecord);
/** /api/plan-items. */
export const planItemRoutes = recordRoutes(planItemRecord);
/** /api/projects. */
export const projectRoutes = recordRoutes(projectRecord);
/** /api/visit-program-items. */
export const programItemRoutes = recordRoutes(programItemRecord);
/** /api/visits. */
export const visitRoutes = recordRoutes(visitRecord);
