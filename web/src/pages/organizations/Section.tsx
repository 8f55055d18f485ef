import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card of a record's page («Соглашения», «Люди»…), named for screen readers by its title. */
export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
      {actions}
    </Card>
  );
}

/** «Поле: значение» on a record's page; nothing when the value is empty. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '' || children === false) return null;
  return (
    <Text>
      <Text span fw={600}>
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}
