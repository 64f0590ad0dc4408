// Chart tooltips on top of the server-rendered SVG, via ECharts' 1.3 KB hydration client.
// Everything works without this script; it only adds the value under the pointer.
import { hydrate } from 'echarts/ssr/client/index.js';

for (const chart of Array.from(document.querySelectorAll<HTMLElement>('.chart[data-values]'))) {
  const labels = JSON.parse(chart.dataset.labels ?? '[]') as string[];
  const values = JSON.parse(chart.dataset.values ?? '[]') as number[][];
  const tip = document.createElement('div');
  tip.className = 'tip';
  tip.hidden = true;
  chart.append(tip);
  hydrate(chart, {
    on: {
      mouseover(params) {
        if (params.ssrType !== 'chart' || params.dataIndex === undefined) return;
        const value = values[params.seriesIndex ?? 0]?.[params.dataIndex];
        tip.textContent = `${params.seriesIndex ? 'previous, ' : ''}${labels[params.dataIndex] ?? ''}: ${value ?? ''}`;
        const box = chart.getBoundingClientRect();
        const event = params.event as MouseEvent;
        tip.style.left = `${event.clientX - box.left + 8}px`;
        tip.style.top = `${event.clientY - box.top - 24}px`;
        tip.hidden = false;
      },
      mouseout() {
        tip.hidden = true;
      },
    },
  });
}
