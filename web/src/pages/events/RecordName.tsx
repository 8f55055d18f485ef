import { Text } from '@mantine/core';
import { useApi } from '../../api/client.ts';

/** The name of a record read from its route (an organization's `name`, a person's `fullName`). */
export function RecordName({ path, field }: { path: string; field: string }) {
  const record = useApi<Record<string, unknown>>(path);
  if (record.error) return <>{path.split('/').pop()}</>;
  if (!record.data)
    return (
      <Text span c="dimmed" aria-hidden="true">
        …
      </Text>
    );
  return <>{String(record.data[field] ?? '')}</>;
}
