import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VisitStatus } from './visit-api.ts';

// Light badges: the colour tells the status, the text stays near-black for contrast on any row.
const COLOR: Record<VisitStatus, string> = { planned: 'blue', done: 'green', cancelled: 'gray' };

/** «Запланирован» / «Состоялся» / «Отменён». */
export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useTranslation('visits');
  return (
    <Badge color={COLOR[status]} c="gray.9" variant="light" style={{ textTransform: 'none' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
