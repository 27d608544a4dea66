import type { ReactElement, SVGProps } from 'react';

// Small inline icons (24-unit grid, stroke = currentColor), so state never relies on colour alone.
// Every icon is decorative (aria-hidden): the text beside it carries the meaning.

export type IconName =
  | 'check'
  | 'notReady'
  | 'hourglass'
  | 'shield'
  | 'warning'
  | 'globe'
  | 'cloud'
  | 'server'
  | 'pod'
  | 'service'
  | 'dns'
  | 'drop'
  | 'refused'
  | 'nat'
  | 'arrow'
  | 'plus'
  | 'minus'
  | 'change';

const PATHS: Record<IconName, ReactElement> = {
  check: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  notReady: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M8.5 15.5l7-7" />
    </>
  ),
  hourglass: <path d="M7 4h10M7 20h10M8 4c0 5 8 5 8 8s-8 3-8 8M16 4c0 5-8 5-8 8" />,
  shield: <path d="M12 3l7.5 3v5.5c0 4.5-3.2 8-7.5 9.5-4.3-1.5-7.5-5-7.5-9.5V6z" />,
  warning: (
    <>
      <path d="M12 3.5l9.5 16.5h-19z" />
      <path d="M12 10v4.5M12 17.2v.3" />
    </>
  ),
  globe: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c-3 3.5-3 13.5 0 17M12 3.5c3 3.5 3 13.5 0 17" />
    </>
  ),
  cloud: <path d="M7 18.5h10.5a4 4 0 0 0 .4-8 5.5 5.5 0 0 0-10.6-1.2A4.6 4.6 0 0 0 7 18.5z" />,
  server: (
    <>
      <rect x="4" y="4.5" width="16" height="6" rx="1.5" />
      <rect x="4" y="13.5" width="16" height="6" rx="1.5" />
      <path d="M7.5 7.5h.1M7.5 16.5h.1" />
    </>
  ),
  pod: (
    <>
      <path d="M12 3l8 4.5v9L12 21l-8-4.5v-9z" />
      <path d="M4 7.5l8 4.5 8-4.5M12 12v9" />
    </>
  ),
  service: (
    <>
      <circle cx="5.5" cy="12" r="2.2" />
      <circle cx="18.5" cy="5.5" r="2.2" />
      <circle cx="18.5" cy="12" r="2.2" />
      <circle cx="18.5" cy="18.5" r="2.2" />
      <path d="M7.7 12h8.6M7.5 11l9-4.6M7.5 13l9 4.6" />
    </>
  ),
  dns: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M9.5 9.2a2.6 2.6 0 1 1 3.6 2.4c-.8.4-1.1.9-1.1 1.9M12 16.5v.3" />
    </>
  ),
  drop: <path d="M6 6l12 12M18 6L6 18" />,
  refused: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M6 6l12 12" />
    </>
  ),
  nat: <path d="M4 8h13l-3-3M20 16H7l3 3" />,
  arrow: <path d="M5 12h13M13 7l5 5-5 5" />,
  plus: <path d="M12 5v14M5 12h14" />,
  minus: <path d="M5 12h14" />,
  change: (
    <>
      <path d="M4 12a8 8 0 0 1 13.7-5.6L20 8.5" />
      <path d="M20 4v4.5h-4.5M20 12a8 8 0 0 1-13.7 5.6L4 15.5" />
      <path d="M4 20v-4.5h4.5" />
    </>
  ),
};

/** An inline SVG icon sized to the surrounding text. */
export function Icon({ name, ...props }: { name: IconName } & SVGProps<SVGSVGElement>): ReactElement {
  return (
    <svg
      className="topo-icon"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {PATHS[name]}
    </svg>
  );
}
