import { ViewportPortal } from '@xyflow/react';
import { motion } from 'motion/react';
import type { ReactElement } from 'react';
import { hopDurationMs, type HopTone, type PacketFrame } from './hops.ts';
import { Icon, type IconName } from './icons.tsx';
import type { Box } from './layout.ts';

// Packets drawn in flow coordinates (inside React Flow's viewport, so pan and zoom carry them)
// and moved with transforms only: the layout never changes while they fly.

export interface PacketLayerProps {
  frames: PacketFrame[];
  /** Absolute boxes of the laid-out nodes. */
  boxes: Record<string, Box>;
  speed: number;
  playing: boolean;
  reducedMotion: boolean;
  onSelectHop?: (trace: number, hop: number) => void;
}

interface Point {
  x: number;
  y: number;
}

const TONE_ICON: Record<HopTone, IconName> = { move: 'arrow', dns: 'dns', nat: 'nat', policy: 'shield', ok: 'check', drop: 'drop', reject: 'refused' };

/** Where a packet sits on an element: a group's header (its pods fill the rest), else the centre. */
function anchor(boxes: Record<string, Box>, id: string): Point | undefined {
  const box = boxes[id];
  if (!box) return undefined;
  if (id.startsWith('node/') || id === 'unscheduled') return { x: box.x + box.width / 2, y: box.y + 22 };
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The packets of the current hop, one per trace shown. */
export function PacketLayer({ frames, boxes, speed, playing, reducedMotion, onSelectHop }: PacketLayerProps): ReactElement {
  // Stepping by hand gets a steady pace; playback matches the player's step length.
  const duration = (playing ? hopDurationMs(speed) * 0.8 : 520) / 1000;
  const companions = Math.max(1, frames.length - 1);
  const stagger = Math.min(0.06, (duration * 0.6) / companions);
  const active = frames.find((f) => f.active);
  const track = active && trackOf(boxes, active);
  return (
    <ViewportPortal>
      <div className="topo-packets">
        {track ? (
          <svg className={`topo-track tone-${active.visual.tone}`} aria-hidden="true">
            <line x1={track.from.x} y1={track.from.y} x2={track.to.x} y2={track.to.y} />
          </svg>
        ) : null}
        {frames.map((f) => (
          <Packet
            key={`${f.trace}:${f.hop}`}
            frame={f}
            boxes={boxes}
            duration={duration}
            delay={f.active ? 0 : stagger * f.order}
            reducedMotion={reducedMotion}
            onSelectHop={onSelectHop}
          />
        ))}
      </div>
    </ViewportPortal>
  );
}

function trackOf(boxes: Record<string, Box>, f: PacketFrame): { from: Point; to: Point } | undefined {
  const from = anchor(boxes, f.from);
  const to = f.to ? anchor(boxes, f.to) : undefined;
  return from && to ? { from, to } : undefined;
}

interface PacketProps {
  frame: PacketFrame;
  boxes: Record<string, Box>;
  duration: number;
  delay: number;
  reducedMotion: boolean;
  onSelectHop?: (trace: number, hop: number) => void;
}

const translate = (p: Point) => `translate(${p.x}px, ${p.y}px)`;

function Packet({ frame, boxes, duration, delay, reducedMotion, onSelectHop }: PacketProps): ReactElement | null {
  const from = anchor(boxes, frame.from);
  const to = frame.to ? anchor(boxes, frame.to) : undefined;
  if (!from) return null;
  // Companions spread a little so repeated requests to one pod do not hide each other.
  const jitter = frame.active ? 0 : ((frame.order % 5) - 2) * 5;
  const start = { x: from.x + jitter, y: from.y + jitter };
  const end = to ? { x: to.x + jitter, y: to.y + jitter } : start;
  const moving = Boolean(to) && !reducedMotion;
  const { tone, label } = frame.visual;
  // One element per trace (keyed by trace, not hop): a new hop only changes its keyframes, and a
  // whole-transform animation runs on the compositor, so a hundred packets stay cheap.
  return (
    <motion.button
      type="button"
      className={`topo-packet tone-${tone}${frame.active ? ' is-active' : ' is-companion'} nopan nodrag nowheel`}
      // Only the active packet is a tab stop and speaks; the others are for the eye (and the mouse).
      {...(frame.active ? { 'aria-label': `Request ${frame.trace + 1}, hop ${frame.hop + 1}: ${label}. ${frame.message}`, title: frame.message } : { tabIndex: -1, 'aria-hidden': true })}
      initial={{ transform: translate(moving ? start : end) }}
      animate={{ transform: moving ? [translate(start), translate(end)] : translate(end) }}
      transition={{ duration: moving ? duration : 0, delay: moving ? delay : 0, ease: 'easeInOut' }}
      onClick={() => onSelectHop?.(frame.trace, frame.hop)}
    >
      <span className="topo-packet-dot">
        <Icon name={TONE_ICON[tone]} />
      </span>
      {frame.active ? (
        <span className="topo-packet-label">
          {tone === 'drop' || tone === 'reject' ? <Icon name={TONE_ICON[tone]} /> : null}
          {label}
        </span>
      ) : null}
    </motion.button>
  );
}
