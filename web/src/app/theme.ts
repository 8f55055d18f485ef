import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Calm and office-like: one blue, readable sizes, soft radii. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: { fontWeight: '600' },
});

/** Secondary («dimmed») text one shade darker than Mantine's, to meet WCAG AA contrast on light grey. */
export const cssVariablesResolver: CSSVariablesResolver = (mantine) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': mantine.colors.gray[7],
    // Field errors (text and border) in a red that keeps 4.5:1 on white; Mantine's red.6 does not.
    '--mantine-color-error': mantine.colors.red[8],
  },
  dark: {},
});
