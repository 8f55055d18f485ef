import type { Query } from '../../api/client.ts';
import { useUrlFilters } from '../../components/FilterBar.tsx';

export const VISIT_FILTERS = ['year', 'direction', 'partner', 'status'] as const;

/**
 * The visit list's filters as the API reads them. Direction is the home city's: «out» are its
 * delegations. With a partner city chosen the list asks for that city's visits, turned round
 * (our outgoing visits are the partner's incoming ones).
 */
export function visitQuery(
  values: Record<(typeof VISIT_FILTERS)[number], string | undefined>,
  homeCityId: number | undefined,
): Query {
  const direction =
    values.direction === 'out' ? 'outgoing' : values.direction === 'in' ? 'incoming' : undefined;
  const query: Query = { year: values.year, status: values.status };
  if (values.partner) {
    query.cityId = values.partner;
    if (direction) query.direction = direction === 'outgoing' ? 'incoming' : 'outgoing';
  } else if (direction && homeCityId !== undefined) {
    query.cityId = homeCityId;
    query.direction = direction;
  }
  return query;
}

/** The filters in the page's URL. */
export function useVisitFilters() {
  return useUrlFilters(VISIT_FILTERS);
}
