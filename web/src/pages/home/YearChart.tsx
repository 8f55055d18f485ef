import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface YearChartProps {
  years: number[];
  series: Array<{ name: string; values: number[]; colour: string }>;
  label: string;
  formatNumber: (value: number) => string;
}

/** Bars by year (ECharts on a canvas), in its own chunk: the home page loads it after the first screen. */
export default function YearChart({ years, series, label, formatNumber }: YearChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => formatNumber(v),
      },
      legend: { top: 0, textStyle: { color: '#343a40' } },
      grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: years.map(String), axisLabel: { color: '#495057' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#495057', formatter: formatNumber } },
      series: series.map((item) => ({
        type: 'bar',
        name: item.name,
        data: item.values,
        itemStyle: { color: item.colour },
        barMaxWidth: 28,
      })),
    });
    element.dataset.drawn = 'true';
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [years, series, formatNumber]);
  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid="year-chart"
      style={{ width: '100%', height: 280 }}
    />
  );
}
