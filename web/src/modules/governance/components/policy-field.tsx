import { type ReactNode, type RefObject, useLayoutEffect, useRef } from 'react';
import type { Finding } from '../api/governance.api.ts';

// What the overlay copies from the textarea so that its text wraps exactly like the one typed.
const MIRRORED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textIndent',
  'textTransform',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'boxSizing',
  'tabSize',
] as const;

/** The text cut at the findings' spans; overlapping spans are drawn as their union, the strongest severity. */
function pieces(text: string, findings: Finding[]) {
  const out: ReactNode[] = [];
  let at = 0;
  const sorted = [...findings].sort((a, b) => a.span.start - b.span.start);
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i]!;
    let end = first.span.end;
    let block = first.severity === 'block';
    while (i + 1 < sorted.length && sorted[i + 1]!.span.start < end) {
      i++;
      end = Math.max(end, sorted[i]!.span.end);
      block ||= sorted[i]!.severity === 'block';
    }
    const start = Math.max(first.span.start, at);
    if (end <= start) continue;
    out.push(text.slice(at, start));
    out.push(
      <mark
        key={start}
        className={block ? 'policy-mark policy-mark-block' : 'policy-mark policy-mark-warn'}
        data-testid="policy-mark"
        data-severity={block ? 'block' : 'warn'}
        data-start={start}
        data-end={end}
      >
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  out.push(`${text.slice(at)}\n`);
  return out;
}

/**
 * A textarea with the policy's findings highlighted in place: an overlay that wraps the text exactly as the
 * textarea does, drawn over it without catching the pointer, scrolled with it. The findings are also listed as
 * text (`PolicyFindings`), so colour is never the only sign.
 */
export function PolicyField({
  textareaRef,
  text,
  findings,
  children,
}: {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  text: string;
  findings: Finding[];
  children: ReactNode;
}) {
  const overlay = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const area = textareaRef.current;
    const layer = overlay.current;
    if (!area || !layer) return;
    const follow = () => {
      const style = getComputedStyle(area);
      for (const name of MIRRORED) layer.style[name] = style[name];
      layer.style.top = `${area.offsetTop}px`;
      layer.style.left = `${area.offsetLeft}px`;
      layer.style.width = `${area.offsetWidth}px`;
      layer.style.height = `${area.offsetHeight}px`;
      layer.scrollTop = area.scrollTop;
    };
    follow();
    const onScroll = () => {
      layer.scrollTop = area.scrollTop;
    };
    area.addEventListener('scroll', onScroll);
    const observer = new ResizeObserver(follow);
    observer.observe(area);
    return () => {
      area.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [textareaRef]);

  useLayoutEffect(() => {
    if (overlay.current && textareaRef.current) overlay.current.scrollTop = textareaRef.current.scrollTop;
  });

  return (
    <div className="policy-field">
      {children}
      <div ref={overlay} className="policy-overlay" aria-hidden="true" data-testid="policy-overlay">
        {findings.length > 0 ? pieces(text, findings) : null}
      </div>
    </div>
  );
}
