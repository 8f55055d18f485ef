import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from './project-api.ts';

// The colour is the badge's tint; its text stays near-black for the 4.5:1 contrast axe asks for.
const COLORS: Record<ProjectStatus, string> = {
  planned: 'blue',
  active: 'green',
  completed: 'gray',
  stopped: 'red',
};

/** A project's status as a badge. */
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation('projects');
  return (
    <Badge variant="light" color={COLORS[status]} c="dark.8" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}
