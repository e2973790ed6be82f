import { useMemo } from 'react';
import { formatMoney, minorDigits } from '../../../shared/format/money.ts';
import { type ChartOption, EChart } from '../../../shared/ui/echart.tsx';
import type { SalesReport, SalesSource } from '../api/commerce.types.ts';

const PRIMARY = '#5b4cf0';
const SOFT = '#0e9f5a';

/** Every day of the window, with zero where nothing sold, so the line does not skip quiet days. */
export function fillDays(byDay: SalesReport['revenueByDay'], days = 30, today = new Date()) {
  const known = new Map(byDay.map((d) => [d.day, d]));
  return Array.from({ length: days }, (_, i) => {
    const date = new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1 - i)),
    );
    const day = date.toISOString().slice(0, 10);
    return known.get(day) ?? { day, revenueMinor: 0, orders: 0 };
  });
}

export function sourceLabel(source: Pick<SalesSource, 'kind' | 'account'>): string {
  const who = source.account ? `@${source.account.handle}` : 'someone';
  if (source.kind === 'post') return 'The brand’s deal post';
  if (source.kind === 'reshare') return `Reshare by ${who}`;
  if (source.kind === 'referral') return `Referral link from ${who}`;
  return 'Direct';
}

export function RevenueOverTime({ report, currency }: { report: SalesReport; currency: string }) {
  const option = useMemo<ChartOption>(() => {
    const days = fillDays(report.revenueByDay);
    const scale = 10 ** minorDigits(currency);
    return {
      grid: { left: 56, right: 40, top: 30, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { data: ['Revenue', 'Orders'], top: 0 },
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(v * scale, currency) } },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: 'Revenue',
          type: 'bar',
          data: days.map((d) => d.revenueMinor / scale),
          itemStyle: { color: PRIMARY, borderRadius: [4, 4, 0, 0] },
          tooltip: { valueFormatter: (v) => formatMoney(Number(v) * scale, currency) },
        },
        {
          name: 'Orders',
          type: 'line',
          yAxisIndex: 1,
          smooth: true,
          data: days.map((d) => d.orders),
          itemStyle: { color: SOFT },
        },
      ],
    };
  }, [report, currency]);
  return (
    <EChart option={option} label="Revenue and orders per day, last 30 days" testId="sales-chart-days" />
  );
}

export function RevenueBySource({ report, currency }: { report: SalesReport; currency: string }) {
  const option = useMemo<ChartOption>(() => {
    const rows = [...report.revenueBySource].reverse();
    const scale = 10 ** minorDigits(currency);
    return {
      grid: { left: 170, right: 30, top: 10, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(v * scale, currency) } },
      yAxis: { type: 'category', data: rows.map(sourceLabel) },
      series: [
        {
          name: 'Revenue',
          type: 'bar',
          data: rows.map((s) => s.revenueMinor / scale),
          itemStyle: { color: PRIMARY, borderRadius: [0, 4, 4, 0] },
          tooltip: { valueFormatter: (v) => formatMoney(Number(v) * scale, currency) },
        },
      ],
    };
  }, [report, currency]);
  if (report.revenueBySource.length === 0) return null;
  const height = 50 + 40 * report.revenueBySource.length;
  return <EChart option={option} label="Revenue by source" testId="sales-chart-sources" height={height} />;
}
