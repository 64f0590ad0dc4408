import type { Progress } from './summary.js';

/**
 * A progress line on stderr for runs longer than a couple of seconds: rewritten in place
 * on a terminal, one line every few seconds otherwise (logs, CI).
 */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  const every = tty ? 250 : 5_000;
  let last = 0;
  let printed = false;
  return {
    update(progress: Progress) {
      if (progress.elapsedMs < 2_000 || progress.elapsedMs - last < every) return;
      last = progress.elapsedMs;
      const rate = Math.round(progress.rows / (progress.elapsedMs / 1000));
      const line = `clicktrail-etl: ${progress.objects}/${progress.pending} objects, ${progress.rows} rows, ${rate} rows/s`;
      stream.write(tty ? `\r${line}` : `${line}\n`);
      printed = true;
    },
    done() {
      if (printed && tty) stream.write('\n');
    },
  };
}
