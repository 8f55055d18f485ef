import { describe, expect, it } from 'vitest';
import { cityTooltipHtml } from '../../web/src/components/map/network.ts';

describe('a city on the map', () => {
  it('shows its name as text in the tooltip, whatever HTML it holds', () => {
    const name = '<img src=x onerror="alert(1)">Барановичи & Co';
    const html = cityTooltipHtml(name, 2, (city, count) => `${city}: ${count} побратимские связи.`);
    expect(html).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Барановичи &amp; Co: 2 побратимские связи.',
    );
    expect(cityTooltipHtml("O'Brien <b>", 0)).toBe('O&#39;Brien &lt;b&gt;');
  });
});
