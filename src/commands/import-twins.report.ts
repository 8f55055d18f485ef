import type { ImportReport, ProblemKind } from './import-twins.ts';

const EXPLANATIONS: Record<ProblemKind, string> = {
  malformed: 'lines that are not a pair of cities (skipped)',
  unknown_country: 'a country name that matches no country',
  city_not_found:
    'a city the gazetteer does not have in that country (villages under 500 people, municipalities, regions)',
  city_in_other_country: 'a name the gazetteer knows only in another country (regions, namesakes)',
  same_city: 'both names resolve to one place (namesakes told apart only by region)',
  city_not_in_registry: 'a matched place missing from the city table',
};

/** The problems of a report by kind, most frequent first. */
export function problemCounts(report: ImportReport): Array<{ kind: ProblemKind; lines: number }> {
  const lines = new Map<ProblemKind, Set<number>>();
  for (const { kind, line } of report.problems) {
    const set = lines.get(kind) ?? new Set<number>();
    set.add(line);
    lines.set(kind, set);
  }
  return [...lines].map(([kind, set]) => ({ kind, lines: set.size })).sort((a, b) => b.lines - a.lines);
}

/** A plain-text account of an import: totals, failures by kind, then each problem with its line. */
export function formatImportReport(report: ImportReport, maxProblems = Infinity): string {
  const percent = report.lines === 0 ? 100 : (100 * report.matched) / report.lines;
  const out = [
    `${report.file}: ${report.lines} lines, ${report.matched} pairs matched (${percent.toFixed(1)}%)`,
    `  ${report.created} twinnings created, ${report.alreadyInRegistry} already in the registry, ` +
      `${report.repeatedInFile} repeated in the file`,
  ];
  const counts = problemCounts(report);
  if (counts.length > 0) out.push('not imported, by reason:');
  for (const { kind, lines } of counts)
    out.push(`  ${String(lines).padStart(6)}  ${kind}: ${EXPLANATIONS[kind]}`);
  const shown = report.problems.slice(0, maxProblems);
  for (const problem of shown) out.push(`  line ${problem.line}: ${problem.kind}: ${problem.message}`);
  if (shown.length < report.problems.length) {
    out.push(`  … and ${report.problems.length - shown.length} more (--all lists every one)`);
  }
  return out.join('\n');
}
