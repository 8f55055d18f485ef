import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus, PlanItemStatus } from './agreement-api.ts';

// The colour is the badge's tint; its text stays near-black for the 4.5:1 contrast axe asks for.
const AGREEMENT_COLORS: Record<AgreementStatus, string> = {
  draft: 'gray',
  in_force: 'green',
  expired: 'orange',
  terminated: 'red',
};
const PLAN_COLORS: Record<PlanItemStatus, string> = {
  planned: 'blue',
  in_progress: 'cyan',
  done: 'green',
  cancelled: 'gray',
};

/** An agreement's status as a badge. */
export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation('records');
  return (
    <Badge variant="light" color={AGREEMENT_COLORS[status]} c="dark.8" tt="none">
      {t(`agreementStatus.${status}`)}
    </Badge>
  );
}

/** A plan item's status as a badge. */
export function PlanStatusBadge({ status }: { status: PlanItemStatus }) {
  const { t } = useTranslation('records');
  return (
    <Badge
      variant="light"
      color={PLAN_COLORS[status]}
      c="dark.8"
      tt="none"
      style={{ overflow: 'visible' }}
      maw="none"
    >
      {t(`planStatus.${status}`)}
    </Badge>
  );
}
