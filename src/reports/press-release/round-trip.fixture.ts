import type { ExtractionResult } from '../../extract/index.ts';

/** The facts as the gold file writes them: no evidence spans, no rule ids, no year the text did not give. */
export function comparableFacts(
  result: Pick<
    ExtractionResult,
    'visits' | 'agreements' | 'projects' | 'persons' | 'organizations' | 'events'
  >,
) {
  const strip = <T extends object>(items: T[]) =>
    items.map(
      (item) =>
        JSON.parse(
          JSON.stringify(item, (key, value) => (key === 'span' || key === 'rule' ? undefined : value)),
        ) as T,
    );
  const sorted = <T>(items: T[]) =>
    [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    visits: strip(result.visits).map((v) => ({
      ...v,
      start: v.start && `--${v.start.slice(-5)}`,
      end: v.end && `--${v.end.slice(-5)}`,
    })),
    agreements: sorted(strip(result.agreements)),
    projects: sorted(strip(result.projects)),
    persons: sorted(strip(result.persons)),
    organizations: sorted(strip(result.organizations)),
    events: sorted(strip(result.events)),
  };
}
