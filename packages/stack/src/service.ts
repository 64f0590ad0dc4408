import type { CommandSpec } from './child-process.js';
import type { PortSetting } from './settings.js';

/** What the banner says about a part once it is ready. */
export interface Announcement {
  url?: string;
  detail?: string;
}

/** One part of the stack, as the supervisor starts, checks and stops it. */
export interface ServiceDefinition {
  name: string;
  /** The fixed port it binds, checked free before it starts. */
  port?: PortSetting;
  /** Runs before the process starts (first-start seeding, for example). */
  prepare?: () => Promise<void>;
  command: CommandSpec;
  /**
   * Resolves once the part answers; `lines` yields its output so a check can also wait
   * for a line (the ETL has no port). Rejects when it cannot become ready.
   */
  ready(output: OutputWatch): Promise<void>;
  /** Runs once it is ready (creating the demo user pool, for example). */
  afterReady?: () => Promise<Announcement | undefined>;
  announce: Announcement;
  /** Turns one output line into what the terminal shows; null hides it (it still goes to the log). */
  show?: (line: string, stream: 'stdout' | 'stderr') => string | null;
}

/** Lets a readiness check wait for a line the part prints. */
export interface OutputWatch {
  waitForLine(match: (line: string) => boolean, timeoutMs: number): Promise<string>;
  /** Resolves when the process exits (a check stops waiting then). */
  exited: Promise<unknown>;
}
