import { ActionIcon } from '@mantine/core';

/** The «×» that takes one row out of a form's list (a party, a position, a delegation member). */
export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red.9" size="lg" mb={2} aria-label={label} onClick={onClick}>
      ×
    </ActionIcon>
  );
}
