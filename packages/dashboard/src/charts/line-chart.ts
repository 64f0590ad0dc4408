import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, SVGRenderer]);

export interface LineSeries {
  name: string;
  values: readonly number[];
  /** Drawn dashed and muted: the previous period. */
  muted?: boolean;
}

export interface LineChartSpec {
  labels: readonly string[];
  series: readonly LineSeries[];
  width?: number;
  height?: number;
}

/**
 * A line chart rendered to an SVG string on the server (no browser, no canvas). The instance
 * is disposed before returning: an undisposed server-side ECharts instance keeps Node alive.
 */
export function renderLineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 220;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 28, bottom: 28 },
      legend: { top: 0, right: 0, textStyle: { color: '#888' } },
      xAxis: {
        type: 'category',
        data: [...spec.labels],
        axisLabel: { color: '#888' },
        axisLine: { lineStyle: { color: '#888' } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: '#888' },
        splitLine: { lineStyle: { color: 'rgba(128,128,128,0.25)' } },
      },
      series: spec.series.map((s) => ({
        name: s.name,
        type: 'line',
        data: [...s.values],
        showSymbol: spec.labels.length <= 31,
        lineStyle: s.muted
          ? { type: 'dashed', width: 1.5, color: '#9aa3ad' }
          : { width: 2.5, color: '#2f7de1' },
        itemStyle: { color: s.muted ? '#9aa3ad' : '#2f7de1' },
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
