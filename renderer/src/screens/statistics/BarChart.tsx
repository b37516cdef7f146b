// A bar chart drawn as SVG by hand: one series, a few dozen bars at most. A chart library would
// add far more to the kiosk bundle than these lines; each bar has a <title> and the same figures
// are in the table beside it, so screen readers lose nothing.
import { useFormat } from '../../i18n/format';
import { useTranslation } from 'react-i18next';

export interface Bar {
  bucket: string;
  label: string;
  value: number;
}

export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const { t } = useTranslation('statistics');
  const format = useFormat();
  const width = 880;
  const height = 220;
  const pad = { left: 48, bottom: 28, top: 12 };
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = (width - pad.left) / Math.max(1, bars.length);
  const barWidth = Math.max(2, step * 0.7);
  const scale = (v: number) => ((height - pad.bottom - pad.top) * v) / max;
  const labelEvery = Math.ceil(bars.length / 12);
  return (
    <svg className="stats-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <line x1={pad.left} x2={width} y1={height - pad.bottom} y2={height - pad.bottom} className="axis" />
      <text x={pad.left - 6} y={pad.top + 4} textAnchor="end" className="tick">
        {format.number(max)}
      </text>
      <text x={pad.left - 6} y={height - pad.bottom} textAnchor="end" className="tick">
        0
      </text>
      {bars.map((bar, i) => {
        const h = scale(bar.value);
        const x = pad.left + i * step + (step - barWidth) / 2;
        return (
          <g key={bar.bucket}>
            <rect x={x} y={height - pad.bottom - h} width={barWidth} height={h} className="bar">
              <title>{t('chart.bar', { bucket: bar.label, value: format.number(bar.value) })}</title>
            </rect>
            {i % labelEvery === 0 && (
              <text x={x + barWidth / 2} y={height - pad.bottom + 16} textAnchor="middle" className="tick">
                {bar.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
