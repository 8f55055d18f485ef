import { Anchor, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import type { Organization } from './organization-api.ts';

// A person's positions often name the same organization; one request per organization per page load.
const cache = new Map<number, Promise<Organization>>();

function loadOrganization(id: number): Promise<Organization> {
  let pending = cache.get(id);
  if (!pending) {
    pending = api.get<Organization>(`/organizations/${id}`);
    pending.catch(() => cache.delete(id));
    cache.set(id, pending);
  }
  return pending;
}

/** An organization's name by id, linking to its page; its number when the user may not read it. */
export function OrganizationName({ id, link = true }: { id: number; link?: boolean }) {
  const [name, setName] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadOrganization(id)
      .then((organization) => live && setName(organization.name))
      .catch(() => live && setName(null));
    return () => {
      live = false;
    };
  }, [id]);
  if (name === undefined)
    return (
      <Text span c="dimmed" aria-hidden="true">
        …
      </Text>
    );
  const text = name ?? `№ ${id}`;
  return link ? (
    <Anchor component={Link} to={recordPath('organization', id)}>
      {text}
    </Anchor>
  ) : (
    <>{text}</>
  );
}
