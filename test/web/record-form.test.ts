import { describe, expect, it } from 'vitest';
import { changedFields } from '../../web/src/components/record-form/form-submit.ts';
import { nextPosition, programByDay, reorderedProgram } from '../../web/src/pages/visits/program-order.ts';
import type { ProgramItem } from '../../web/src/pages/visits/visit-api.ts';

describe('the fields an edit sends', () => {
  it('are those whose values differ from the loaded ones, lists compared whole', () => {
    const loaded: Record<string, unknown> = { title: 'Соглашение', notes: null, parties: [{ cityId: 1 }] };
    expect(changedFields(loaded, { ...loaded, notes: 'новое' })).toEqual({ notes: 'новое' });
    expect(changedFields(loaded, { ...loaded, parties: [{ cityId: 1 }] })).toEqual({});
    expect(changedFields(loaded, { ...loaded, parties: [] })).toEqual({ parties: [] });
  });
});

function item(id: number, day: string | null, position: number): ProgramItem {
  return {
    id,
    version: 1,
    visitId: 1,
    kind: 'meeting',
    title: `Пункт ${id}`,
    day,
    startTime: null,
    endTime: null,
    organizationId: null,
    eventId: null,
    agreementId: null,
    notes: null,
    position,
  };
}

describe('the order of a visit’s program', () => {
  const program = [
    item(1, '2026-05-21', 0),
    item(2, '2026-05-20', 1),
    item(3, null, 2),
    item(4, '2026-05-20', 3),
  ];

  it('goes by day, then position; undated items last', () => {
    expect(programByDay(program).map(([day, items]) => [day, items.map((entry) => entry.id)])).toEqual([
      ['2026-05-20', [2, 4]],
      ['2026-05-21', [1]],
      [null, [3]],
    ]);
  });

  it('moving an item up within its day renumbers the whole program as shown, at the loaded versions', () => {
    // Shown as 4, 2 | 1 | 3.
    expect(reorderedProgram(program, program[3]!, -1)).toEqual([
      { id: 4, version: 1, day: '2026-05-20', position: 0 },
      { id: 2, version: 1, day: '2026-05-20', position: 1 },
      { id: 1, version: 1, day: '2026-05-21', position: 2 },
      { id: 3, version: 1, day: null, position: 3 },
    ]);
  });

  it('does not move the first of a day up or the last down', () => {
    expect(reorderedProgram(program, program[1]!, -1)).toBeNull();
    expect(reorderedProgram(program, program[0]!, 1)).toBeNull();
  });

  it('gives imported items without positions (all 0) distinct ones when one moves', () => {
    const imported = [item(1, '2026-05-20', 0), item(2, '2026-05-20', 0), item(3, '2026-05-20', 0)];
    expect(reorderedProgram(imported, imported[2]!, -1)?.map((place) => [place.id, place.position])).toEqual([
      [1, 0],
      [3, 1],
      [2, 2],
    ]);
  });

  it('adds a new item after the last position', () => {
    expect(nextPosition(program)).toBe(4);
    expect(nextPosition([])).toBe(0);
  });
});
