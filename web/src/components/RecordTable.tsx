import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Group,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError, apiUrl, type Page, type Query } from '../api/client.ts';
import { useFormat } from '../i18n/format.ts';
import { errorMessage } from './errors.ts';

/** One column of a record table. */
export interface Column<T> {
  key: string;
  /** The header, already translated. */
  header: string;
  render: (row: T) => ReactNode;
  /** The API's `sort` value for this column; the header becomes a sort button. */
  sort?: string;
  /** The direction the API sorts this column in when no `order` is given (ascending unless told). */
  defaultOrder?: 'asc' | 'desc';
  width?: number | string;
  align?: 'left' | 'right' | 'center';
}

export interface CursorList<T> {
  items: T[];
  loading: boolean;
  error: ApiError | undefined;
  /** More pages after the loaded ones. */
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * The pages of a cursor-paged list route (`{ items, nextCursor }`), loaded one after another;
 * a change of path or query starts over from the first page. A route answering a plain array is
 * taken as its only page.
 */
export function useCursorList<T>(path: string, query: Query = {}, pageSize = 50): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const key = apiUrl(path, { ...query, limit: pageSize });
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(
    (after: string | null, append: boolean) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      setError(undefined);
      api
        .get<Page<T> | T[]>(
          path,
          { ...query, limit: pageSize, ...(after ? { cursor: after } : {}) },
          current.signal,
        )
        .then((answer) => {
          // A route that answers a whole array (a city's twinnings) is one page.
          const page = Array.isArray(answer) ? { items: answer, nextCursor: null } : answer;
          setItems((previous) => (append ? [...previous, ...page.items] : page.items));
          setCursor(page.nextCursor);
          setLoading(false);
        })
        .catch((caught: unknown) => {
          if (current.signal.aborted) return;
          setError(caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught)));
          setLoading(false);
        });
    },
    // `key` stands for path, query and page size (the query object may be new on every render).
    [key],
  );

  useEffect(() => {
    load(null, false);
    return () => controller.current?.abort();
  }, [load, generation]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => {
      if (cursor) load(cursor, true);
    },
    reload: () => setGeneration((value) => value + 1),
  };
}

/**
 * The sort of a list, kept in the page's URL (`?sort=…&order=…`) so a reload or a shared link keeps it.
 * `defaultOrders` names the columns the API sorts newest first when no order is given (dates), so
 * their arrow and the first click go the right way.
 */
export function useUrlSort(defaultSort?: string, defaultOrders: Record<string, 'asc' | 'desc'> = {}) {
  const [params, setParams] = useSearchParams();
  const sort = params.get('sort') ?? defaultSort;
  const order: 'asc' | 'desc' | undefined =
    params.get('order') === 'desc' ? 'desc' : params.get('order') === 'asc' ? 'asc' : undefined;
  /** The direction the list is in now: the chosen one, else the API's default for the column. */
  const shownOrder: 'asc' | 'desc' = order ?? (sort ? defaultOrders[sort] : undefined) ?? 'asc';
  const toggle = (column: string) => {
    const next = new URLSearchParams(params);
    if (sort === column) next.set('order', shownOrder === 'desc' ? 'asc' : 'desc');
    else {
      next.set('sort', column);
      next.delete('order');
    }
    setParams(next, { replace: true });
  };
  return { sort, order, shownOrder, toggle };
}

function SortHeader({
  label,
  active,
  order,
  onClick,
}: {
  label: string;
  active: boolean;
  order: 'asc' | 'desc';
  onClick: () => void;
}) {
  const { t } = useTranslation();
  const arrow = !active ? '↕' : order === 'desc' ? '↓' : '↑';
  return (
    <UnstyledButton onClick={onClick} fw={600} fz="sm" style={{ whiteSpace: 'nowrap' }}>
      {label}{' '}
      <Text span c={active ? 'blue.8' : 'dimmed'} aria-hidden="true">
        {arrow}
      </Text>
      <VisuallyHidden>{t('table.sortBy', { column: label })}</VisuallyHidden>
    </UnstyledButton>
  );
}

export interface RecordTableProps<T> {
  /** The list route, e.g. «/organizations». */
  path: string;
  /** Filters for the route (without sort, order, cursor and limit). */
  query?: Query;
  columns: Column<T>[];
  /** The sort the route uses when none is chosen (to mark its header). */
  defaultSort?: string;
  pageSize?: number;
  /** The table's accessible name (usually the page title). */
  caption: string;
  /** Whether filters are applied: the empty state then says to change them. */
  filtered?: boolean;
  rowKey?: (row: T) => string | number;
  /** Bumping it reloads the list (after a write elsewhere on the page). */
  reloadKey?: number;
}

/** Below this width each row is a card: a 600 px table would scroll sideways on a phone. */
export const PHONE_QUERY = '(max-width: 40em)';

/**
 * The rows as cards, for phones: the first column is the card's title (usually the record's link),
 * the others label: value pairs in a description list, so a screen reader reads each with its name.
 */
function RecordCards<T>({
  rows,
  columns,
  caption,
  rowKey,
  loading,
}: {
  rows: T[];
  columns: Column<T>[];
  caption: string;
  rowKey: (row: T) => string | number;
  loading: boolean;
}) {
  const [first, ...rest] = columns;
  if (!first) return null;
  return (
    <Stack
      component="ul"
      gap="xs"
      aria-label={caption}
      aria-busy={loading}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {loading &&
        rows.length === 0 &&
        Array.from({ length: 3 }, (_, index) => (
          <Paper component="li" key={`skeleton-${index}`} withBorder p="sm" radius="sm">
            <Skeleton h={16} w="60%" radius="sm" mb="xs" />
            <Skeleton h={12} radius="sm" />
          </Paper>
        ))}
      {rows.map((row) => (
        <Paper component="li" key={rowKey(row)} withBorder p="sm" radius="sm" data-testid="record-card">
          {/* A div: a cell may hold paragraphs and stacks of its own (the users' names and e-mails). */}
          <Text
            component="div"
            data-card-title
            fw={600}
            size="sm"
            mb={rest.length > 0 ? 4 : 0}
            style={{ overflowWrap: 'anywhere' }}
          >
            {first.render(row)}
          </Text>
          {rest.length > 0 && (
            <Box
              component="dl"
              m={0}
              style={{
                display: 'grid',
                gridTemplateColumns: 'minmax(6rem, max-content) 1fr',
                columnGap: 'var(--mantine-spacing-sm)',
                rowGap: 2,
              }}
            >
              {rest.map((column) => (
                <Fragment key={column.key}>
                  <Text component="dt" size="sm" c="dimmed">
                    {column.header}
                  </Text>
                  <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                    {shown(column.render(row))}
                  </Text>
                </Fragment>
              ))}
            </Box>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

/** A card's value, or a dash where the row has none (a table's empty cell reads as blank). */
function shown(value: ReactNode): ReactNode {
  return value === null || value === undefined || value === '' ? '—' : value;
}

/** On phones the headers are gone with the table: the sort is chosen here instead. */
function CardSort<T>({
  columns,
  sort,
  order,
  onSort,
}: {
  columns: Column<T>[];
  sort: string | undefined;
  order: 'asc' | 'desc';
  onSort: (column: string) => void;
}) {
  const { t } = useTranslation();
  const sortable = columns.filter((column) => column.sort);
  if (sortable.length === 0) return null;
  return (
    <Group gap="xs" align="flex-end" mb="sm" wrap="nowrap">
      <NativeSelect
        label={t('table.sortLabel')}
        size="sm"
        style={{ flex: 1 }}
        value={sort ?? ''}
        onChange={(event) => onSort(event.currentTarget.value)}
        data={[
          ...(sort === undefined ? [{ value: '', label: t('table.sortDefault') }] : []),
          ...sortable.map((column) => ({ value: column.sort!, label: column.header })),
        ]}
      />
      {sort !== undefined && (
        <ActionIcon
          variant="default"
          size={36}
          onClick={() => onSort(sort)}
          aria-label={`${t('table.sortOrder')}: ${order === 'desc' ? t('table.sortDesc') : t('table.sortAsc')}`}
        >
          <span aria-hidden="true">{order === 'desc' ? '↓' : '↑'}</span>
        </ActionIcon>
      )}
    </Group>
  );
}

/**
 * A table over a cursor-paged list route: sortable headers (the route's `sort`/`order`), «show
 * more» for the next page, a skeleton while loading, an empty state, and the API's error.
 */
export function RecordTable<T extends { id?: number }>({
  path,
  query = {},
  columns,
  defaultSort,
  pageSize = 50,
  caption,
  filtered = false,
  rowKey = (row) => row.id ?? JSON.stringify(row),
  reloadKey = 0,
}: RecordTableProps<T>) {
  const { t } = useTranslation();
  const format = useFormat();
  const defaultOrders = Object.fromEntries(
    columns.flatMap((column) =>
      column.sort && column.defaultOrder ? [[column.sort, column.defaultOrder]] : [],
    ),
  );
  const { sort, order, shownOrder, toggle } = useUrlSort(defaultSort, defaultOrders);
  const list = useCursorList<T>(
    path,
    { ...query, ...(sort && sort !== defaultSort ? { sort } : {}), ...(order ? { order } : {}) },
    pageSize,
  );
  const { reload } = list;
  const firstReload = useRef(true);
  useEffect(() => {
    if (firstReload.current) {
      firstReload.current = false;
      return;
    }
    reload();
    // Only a change of reloadKey reloads.
  }, [reloadKey]);

  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  const initialLoading = list.loading && list.items.length === 0;
  return (
    <div>
      {phone ? (
        <>
          <CardSort
            columns={columns}
            sort={sort}
            order={shownOrder}
            onSort={(column) => {
              if (column) toggle(column);
            }}
          />
          <RecordCards
            rows={list.items}
            columns={columns}
            caption={caption}
            rowKey={rowKey}
            loading={list.loading}
          />
        </>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-busy={list.loading}>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              <VisuallyHidden>{caption}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => {
                  const active = column.sort !== undefined && column.sort === sort;
                  return (
                    <Table.Th
                      key={column.key}
                      style={{ width: column.width, textAlign: column.align }}
                      aria-sort={active ? (shownOrder === 'desc' ? 'descending' : 'ascending') : undefined}
                    >
                      {column.sort ? (
                        <SortHeader
                          label={column.header}
                          active={active}
                          order={shownOrder}
                          onClick={() => toggle(column.sort!)}
                        />
                      ) : (
                        column.header
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {initialLoading &&
                Array.from({ length: 5 }, (_, index) => (
                  <Table.Tr key={`skeleton-${index}`}>
                    {columns.map((column) => (
                      <Table.Td key={column.key}>
                        <Skeleton h={16} radius="sm" />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              {list.items.map((row) => (
                <Table.Tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <Table.Td key={column.key} style={{ textAlign: column.align }}>
                      {column.render(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!list.loading && !list.error && list.items.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {filtered ? t('table.emptyFiltered') : t('table.empty')}
        </Text>
      )}
      {list.error && (
        <Alert color="red" role="alert" mt="sm">
          <Group justify="space-between">
            <span>{errorMessage(t, list.error)}</span>
            <Button size="xs" variant="default" onClick={list.reload}>
              {t('actions.retry')}
            </Button>
          </Group>
        </Alert>
      )}
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {list.items.length > 0
            ? t('table.shown', { count: list.items.length, formatted: format.number(list.items.length) })
            : ''}
        </Text>
        {list.hasMore && (
          <Button variant="default" onClick={list.loadMore} loading={list.loading && !initialLoading}>
            {t('actions.loadMore')}
          </Button>
        )}
      </Group>
    </div>
  );
}
