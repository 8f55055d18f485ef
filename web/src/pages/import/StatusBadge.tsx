import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/** Text colors dark enough on Mantine's light tints (the theme's own shades fall short of 4.5:1 there). */
export const READABLE_ON_TINT = {
  gray: '#343a40',
  green: '#1e5e2c',
  blue: '#174a85',
  red: '#8f1d1d',
  yellow: '#5c4300',
} as const;
export type Tone = keyof typeof READABLE_ON_TINT;

/** A light badge whose words stay readable: in the registry, new, not imported, needs a choice. */
export function StatusBadge({
  tone,
  children,
  size,
}: {
  tone: Tone;
  children: ReactNode;
  size?: 'sm' | 'md';
}) {
  return (
    <Badge
      color={tone}
      variant="light"
      size={size ?? 'md'}
      style={{ flexShrink: 0 }}
      styles={{ label: { color: READABLE_ON_TINT[tone] } }}
    >
      {children}
    </Badge>
  );
}
