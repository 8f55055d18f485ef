import type { ProgramItem } from './visit-api.ts';

/** The program by day, in the order the API keeps it; undated items last. */
export function programByDay(program: ProgramItem[]): [string | null, ProgramItem[]][] {
  const days = new Map<string | null, ProgramItem[]>();
  const sorted = [...program].sort(
    (a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999') || a.position - b.position,
  );
  for (const item of sorted) days.set(item.day, [...(days.get(item.day) ?? []), item]);
  return [...days];
}

/** One item's place in the order sent to `PUT /api/visits/:id/program/order`. */
export interface ProgramPlace {
  id: number;
  version: number;
  day: string | null;
  position: number;
}

/**
 * The whole program after moving `item` one place up (-1) or down (+1) within its day, numbered
 * anew from 0 in the order shown, each item with the version it was loaded at; `null` when the item
 * cannot move that way. Items imported without positions (all 0) get distinct ones this way.
 */
export function reorderedProgram(
  program: ProgramItem[],
  item: ProgramItem,
  step: -1 | 1,
): ProgramPlace[] | null {
  const days = programByDay(program).map(([, items]) => [...items]);
  const day = days.find((items) => items.includes(item));
  if (!day) return null;
  const from = day.indexOf(item);
  const to = from + step;
  if (to < 0 || to >= day.length) return null;
  [day[from], day[to]] = [day[to]!, day[from]!];
  return days
    .flat()
    .map((entry, position) => ({ id: entry.id, version: entry.version, day: entry.day, position }));
}

/** The position of an item added at the end of the program. */
export function nextPosition(program: ProgramItem[]): number {
  return program.reduce((last, item) => Math.max(last, item.position + 1), 0);
}
