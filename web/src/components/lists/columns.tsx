import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { recordPath, type RecordKind } from '../../app/record-paths.ts';
import type { Column } from '../RecordTable.tsx';

/** A column whose cell links to the record's own page, showing `text` of the record. */
export function linkColumn<T extends { id: number }>(
  kind: RecordKind,
  { text, ...column }: Omit<Column<T>, 'render'> & { text: (row: T) => ReactNode },
): Column<T> {
  return {
    ...column,
    render: (row) => (
      <Anchor component={Link} to={recordPath(kind, row.id)}>
        {text(row)}
      </Anchor>
    ),
  };
}
