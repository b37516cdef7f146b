// Line icons for the resource formats (drawn here: the kiosk loads no icon font).
import type { EresourceFormat } from '#contract/eresources';

const PATHS: Record<EresourceFormat, string> = {
  pdf: 'M12 6h17l9 9v27H12zM29 6v9h9M17 24h14M17 30h14M17 36h9',
  epub: 'M8 10c6-2 11-1 16 3 5-4 10-5 16-3v28c-6-2-11-1-16 3-5-4-10-5-16-3zM24 13v28',
  audio: 'M18 34V12l20-4v22M18 34a5 5 0 1 1-10 0 5 5 0 0 1 10 0zM38 30a5 5 0 1 1-10 0 5 5 0 0 1 10 0z',
  video: 'M6 12h26v24H6zM32 20l10-6v20l-10-6',
  image: 'M6 10h36v28H6zM6 32l10-10 8 8 6-6 12 12M30 18a3 3 0 1 0 0.1 0',
  html: 'M16 14L6 24l10 10M32 14l10 10-10 10M27 10l-6 28',
  link: 'M20 28l8-8M17 22l-5 5a6 6 0 0 0 9 9l5-5M31 26l5-5a6 6 0 0 0-9-9l-5 5',
};

export function FormatIcon({ format, size = 48 }: { format: EresourceFormat; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[format]} />
    </svg>
  );
}
