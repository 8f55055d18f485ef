import type { ReactNode } from 'react';
import { useApi } from '../../api/client.ts';
import { RecordLoader } from '../../pages/organizations/RecordLoader.tsx';

/** An edit page's record loaded from `path`: the loader, the API's refusal in words, else the form. */
export function LoadRecord<T>({ path, children }: { path: string; children: (record: T) => ReactNode }) {
  const state = useApi<T>(path);
  return <RecordLoader state={state}>{children}</RecordLoader>;
}
