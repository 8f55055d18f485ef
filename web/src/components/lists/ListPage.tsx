import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Query } from '../../api/client.ts';
import { FilterBar } from '../FilterBar.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { RecordTable, useUrlSort, type Column } from '../RecordTable.tsx';
import { ExportButtons } from './ExportButtons.tsx';

/** What a list page shows: its title, export and «create» buttons, filters and the records' table. */
export interface ListPageProps<T> {
  /** The page's title, also the table's accessible name. */
  title: string;
  /** The export of the list (GET /api/exports/<exportKind>.csv), with the list's filters and sort. */
  exportKind: string;
  /** The «create» button, when the user may create: where it leads and what it says. */
  create?: { to: string; label: string } | false;
  /** The URL filters' state: whether any is set, and how to clear them all. */
  filters: { active: boolean; reset: () => void };
  /** The filter fields of the bar above the list. */
  children: ReactNode;
  /** The list route, e.g. «/organizations». */
  path: string;
  /** The list's filters as the API reads them. */
  query: Query;
  columns: Column<T>[];
  /** The sort the list route uses when none is chosen. */
  defaultSort: string;
  /** Shown between the filters and the list (a switch between views). */
  toolbar?: ReactNode;
  /** Shown instead of the table: another view of the same list. */
  view?: ReactNode;
}

/** A page of records: header with export and «create», the filter bar, then the sortable table. */
export function ListPage<T extends { id?: number }>({
  title,
  exportKind,
  create,
  filters,
  children,
  path,
  query,
  columns,
  defaultSort,
  toolbar,
  view,
}: ListPageProps<T>) {
  const { sort, order } = useUrlSort(defaultSort);
  return (
    <>
      <PageHeader
        title={title}
        actions={
          <>
            <ExportButtons kind={exportKind} query={{ ...query, sort, order }} />
            {create && (
              <Button component={Link} to={create.to}>
                {create.label}
              </Button>
            )}
          </>
        }
      />
      <FilterBar active={filters.active} onReset={filters.reset}>
        {children}
      </FilterBar>
      {toolbar}
      {view ?? (
        <RecordTable<T>
          path={path}
          query={query}
          columns={columns}
          defaultSort={defaultSort}
          caption={title}
          filtered={filters.active}
        />
      )}
    </>
  );
}
