import { useMemo } from 'react';
import { type ChartOption, EChart } from '../../../shared/ui/echart.tsx';
import type { ReportRow } from '../api/sla.types.ts';

const PRIMARY = '#5b4cf0';
const SOFT = '#a79ff7';
const DANGER = '#d93f3f';
const WALL = '#8a8f98';

/** Median and p90 first response per ISO week, in business minutes, with the wall-clock median for contrast. */
export function WeeklyFirstResponseChart({ rows }: { rows: ReportRow[] }) {
  const option = useMemo<ChartOption>(() => {
    const weeks = rows.filter((r) => r.group !== null);
    const value = (v: number | null) => (v === null ? null : Math.round(v));
    return {
      grid: { left: 56, right: 20, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null ? '—' : `${v} min`) },
      legend: { data: ['Median (business)', 'p90 (business)', 'Median (wall-clock)'], top: 0 },
      xAxis: { type: 'category', data: weeks.map((r) => r.group ?? '') },
      yAxis: { type: 'value', name: 'minutes', nameGap: 12 },
      series: [
        {
          name: 'Median (business)',
          type: 'bar',
          data: weeks.map((r) => value(r.firstResponseBusinessMinutes.median)),
          itemStyle: { color: PRIMARY, borderRadius: [4, 4, 0, 0] },
        },
        {
          name: 'p90 (business)',
          type: 'bar',
          data: weeks.map((r) => value(r.firstResponseBusinessMinutes.p90)),
          itemStyle: { color: SOFT, borderRadius: [4, 4, 0, 0] },
        },
        {
          name: 'Median (wall-clock)',
          type: 'line',
          data: weeks.map((r) => value(r.firstResponseMinutes.median)),
          itemStyle: { color: WALL },
          lineStyle: { type: 'dashed' },
        },
      ],
    };
  }, [rows]);
  return (
    <EChart
      option={option}
      label="Weekly first response, median and p90"
      testId="sla-chart-weekly"
      height={280}
    />
  );
}

/** SLA breaches per queue. */
export function BreachesByQueueChart({ rows }: { rows: ReportRow[] }) {
  const option = useMemo<ChartOption>(() => {
    const queues = [...rows].reverse();
    return {
      grid: { left: 170, right: 30, top: 10, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: queues.map((r) => r.group ?? 'No queue') },
      series: [
        {
          name: 'Breaches',
          type: 'bar',
          data: queues.map((r) => r.breaches),
          itemStyle: { color: DANGER, borderRadius: [0, 4, 4, 0] },
        },
      ],
    };
  }, [rows]);
  return (
    <EChart
      option={option}
      label="SLA breaches per queue"
      testId="sla-chart-breaches"
      height={50 + 36 * Math.max(rows.length, 1)}
    />
  );
}
