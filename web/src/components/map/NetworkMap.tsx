import { LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { cityTooltipHtml, networkBounds, WORLD, type Network } from './network.ts';
import { worldCountries } from './world.ts';

echarts.use([GeoComponent, TooltipComponent, LinesChart, ScatterChart, CanvasRenderer]);

/** Performance marks the browser tests and bench/web read: the world's shapes drawn, then the network. */
export const MAP_MARKS = {
  start: 'pobratim:map-start',
  world: 'pobratim:map-world',
  network: 'pobratim:map-network',
} as const;

const TIER_COLOURS: Record<Network['tiers'][number], string> = {
  twin: '#1864ab',
  partner: '#2b8a3e',
  friendship: '#e8590c',
};

export interface NetworkMapProps {
  network: Network;
  /** The city the map is about (the home page's): drawn larger and in red. */
  focusCityId?: number;
  /** The canvas's accessible description (what a screen reader hears instead of the picture). */
  label: string;
  height: number | string;
  /** Called with a city's id when its point is clicked. */
  onCityClick?: (cityId: number) => void;
  /** Shown in a city's tooltip: its number of twinnings, formatted. */
  describeCity?: (name: string, twinnings: number) => string;
}

/**
 * The twin network on a world map, drawn on a canvas by ECharts: countries from world-atlas, a
 * point for each city, a line for each twinning. The countries are drawn first, the network after
 * them; both lines and points switch to ECharts' large mode (one path for thousands of items) and
 * progressive rendering above 2,000 items, so 26,000 twinnings draw and pan smoothly.
 */
export default function NetworkMap({
  network,
  focusCityId,
  label,
  height,
  onCityClick,
  describeCity,
}: NetworkMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onCityClick, describeCity });
  callbacks.current = { onCityClick, describeCity };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // The marks time the latest map drawn (the home page's map may have left some before).
    for (const mark of Object.values(MAP_MARKS)) performance.clearMarks(mark);
    performance.mark(MAP_MARKS.start);
    echarts.registerMap(
      'pobratim-world',
      worldCountries() as unknown as Parameters<typeof echarts.registerMap>[1],
    );
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    // The view fits the network: a pair of cities up close, the whole registry on the world.
    const bounds = networkBounds(network);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', confine: true },
      geo: {
        map: 'pobratim-world',
        roam: true,
        // Zooming out goes as far as the whole world, whatever the view fitted first.
        scaleLimit: {
          min: Math.min(1, (bounds[1][0] - bounds[0][0]) / (WORLD[1][0] - WORLD[0][0])),
          max: 40,
        },
        boundingCoords: bounds,
        itemStyle: { areaColor: '#e9ecef', borderColor: '#adb5bd', borderWidth: 0.5 },
        emphasis: { disabled: true },
        select: { disabled: true },
        silent: true,
      },
      series: [],
    });

    // The countries first; the network once they are on screen (the marks time both).
    let phase: 'world' | 'network' | 'done' = 'world';
    chart.on('finished', () => {
      if (phase === 'done') element.dataset.cityPoints = cityPoints(chart, network);
      if (phase === 'world') {
        performance.mark(MAP_MARKS.world);
        phase = 'network';
        chart.setOption({ series: networkSeries(network, focusCityId, callbacks) });
      } else if (phase === 'network') {
        performance.mark(MAP_MARKS.network);
        phase = 'done';
        element.dataset.cityPoints = cityPoints(chart, network);
        element.dataset.drawn = 'true';
      }
    });
    chart.on('click', (event) => {
      // The points' series lists the cities in the network's order: the data index is the city's.
      const cityId = event.seriesType === 'scatter' ? network.cityIds[event.dataIndex] : undefined;
      if (cityId !== undefined) callbacks.current.onCityClick?.(cityId);
    });

    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [network, focusCityId]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid="network-map"
      style={{ width: '100%', height, touchAction: 'none' }}
    />
  );
}

/**
 * Where a small network's cities are on the canvas now, as JSON `[[x, y], …]` in the network's
 * order (CSS pixels from the map's corner): a canvas has no elements to find, so browser tests and
 * assistive tools point at a city through this. Empty for large networks, where it would be heavy.
 */
function cityPoints(chart: echarts.ECharts, network: Network): string {
  if (network.cityIds.length > 60) return '[]';
  const points = network.cityIds.map((_, index) => {
    const at = [network.coordinates[2 * index]!, network.coordinates[2 * index + 1]!];
    const [x, y] = chart.convertToPixel({ geoIndex: 0 }, at) as number[];
    return [Math.round(x!), Math.round(y!)];
  });
  return JSON.stringify(points);
}

function networkSeries(
  network: Network,
  focusCityId: number | undefined,
  callbacks: { current: Pick<NetworkMapProps, 'describeCity'> },
) {
  // One lines series a tier: the style is the series', no object of style per twinning.
  const degree = new Array<number>(network.cityIds.length).fill(0);
  const perTier = new Map<Network['tiers'][number], Array<{ coords: number[][] }>>();
  const at = (index: number) => [network.coordinates[2 * index]!, network.coordinates[2 * index + 1]!];
  for (let i = 0; i < network.pairs.length; i += 2) {
    const a = network.pairs[i]!;
    const b = network.pairs[i + 1]!;
    degree[a]!++;
    degree[b]!++;
    const tier = network.tiers[i / 2] ?? 'twin';
    let lines = perTier.get(tier);
    if (!lines) perTier.set(tier, (lines = []));
    lines.push({ coords: [at(a), at(b)] });
  }
  const small = network.cityIds.length <= 60;
  const focusIndex = focusCityId === undefined ? -1 : network.cityIds.indexOf(focusCityId);
  // A large network's points as bare coordinates (ECharts' large mode draws them as one path and
  // ignores styles per point); a small one's with names for the labels and the focus city in red.
  const points =
    network.cityIds.length > 2000
      ? network.cityIds.map((_, index) => at(index))
      : network.cityIds.map((_, index) => ({
          value: at(index),
          name: network.names[index],
          symbolSize: index === focusIndex ? 12 : small ? 7 : 3,
          itemStyle: index === focusIndex ? { color: '#c92a2a' } : undefined,
        }));
  return [
    ...[...perTier].map(([tier, lines]) => ({
      type: 'lines',
      coordinateSystem: 'geo',
      large: true,
      largeThreshold: 2000,
      progressive: 4000,
      progressiveThreshold: 3000,
      silent: true,
      polyline: false,
      lineStyle: { width: small ? 1.5 : 0.4, opacity: small ? 0.8 : 0.25, color: TIER_COLOURS[tier] },
      data: lines,
    })),
    {
      type: 'scatter',
      coordinateSystem: 'geo',
      large: true,
      largeThreshold: 2000,
      progressive: 4000,
      symbolSize: small ? 7 : 3,
      itemStyle: { color: '#1864ab' },
      label: {
        show: small,
        position: 'right',
        formatter: '{b}',
        fontSize: 11,
        color: '#212529',
        textBorderColor: '#fff',
        textBorderWidth: 2,
      },
      labelLayout: { hideOverlap: true },
      tooltip: {
        formatter: (params: { dataIndex: number }) => {
          const index = params.dataIndex;
          return cityTooltipHtml(
            network.names[index] ?? '',
            degree[index] ?? 0,
            callbacks.current.describeCity,
          );
        },
      },
      data: points,
    },
  ];
}
