import { useEffect, useRef } from 'react';
import { type ChartOption, type ECharts, init } from '../echarts-setup.ts';

export type { ChartOption };

/** An ECharts chart that follows its option and the size of its box. */
export function EChart({
  option,
  label,
  testId,
  height,
  onClick,
}: {
  option: ChartOption;
  label: string;
  testId?: string;
  /** Pixels; the stylesheet's default otherwise. */
  height?: number;
  /** Called with the clicked data item (a bar, a point, a slice): how a chart drills down. */
  onClick?: (item: { name: string; value: unknown }) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clicked = useRef(onClick);
  clicked.current = onClick;
  useEffect(() => {
    if (!box.current) return;
    const instance = init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) =>
      clicked.current?.({ name: String(params.name ?? ''), value: params.value as unknown }),
    );
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return (
    <div
      ref={box}
      className="chart"
      style={height ? { height } : undefined}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
