// Line icons drawn for the kiosk (no icon font: the PCs have no internet to fetch one).
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Icon({ size = 64, children, ...rest }: IconProps & { children: React.ReactNode }) {
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
      {...rest}
    >
      {children}
    </svg>
  );
}

export const BooksIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 8h8v32H8zM18 8h8v32h-8z" />
    <path d="M29 10.5l7.5-2 8 30.5-7.5 2z" />
    <path d="M8 14h8M18 14h8M8 34h8M18 34h8" />
  </Icon>
);

export const GlobeIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="24" cy="24" r="17" />
    <path d="M7 24h34M24 7c5 5 7 11 7 17s-2 12-7 17c-5-5-7-11-7-17s2-12 7-17z" />
  </Icon>
);

export const TabletIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="11" y="5" width="26" height="38" rx="3" />
    <path d="M17 13h14M17 19h14M17 25h9M22 37h4" />
  </Icon>
);

export const SearchIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="21" cy="21" r="12" />
    <path d="M30 30l11 11" />
  </Icon>
);

export const ScanIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6 14V8h6M36 8h6v6M42 34v6h-6M12 40H6v-6" />
    <path d="M13 16v16M18 16v16M22 16v16M27 16v16M31 16v16M35 16v16" />
  </Icon>
);

export const BackIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M28 10L14 24l14 14" />
  </Icon>
);

/** A loudspeaker, with sound waves when `on`, crossed out when not (the speaker switch). */
export const SpeakerIcon = ({ on, ...p }: IconProps & { on: boolean }) => (
  <Icon {...p}>
    <path d="M8 19h8l10-8v26l-10-8H8z" />
    {on ? <path d="M32 18c2 2 3 4 3 6s-1 4-3 6M37 13c3.5 3 5 7 5 11s-1.5 8-5 11" /> : <path d="M32 18l10 12M42 18L32 30" />}
  </Icon>
);
