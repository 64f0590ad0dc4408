/** One JSON object per line, as CloudWatch Logs Insights queries them. */
export type Logger = (level: 'info' | 'warn' | 'error', message: string, fields?: object) => void;

export const jsonLogger =
  (base: object = {}, write: (line: string) => void = (line) => console.info(line)): Logger =>
  (level, message, fields = {}) =>
    write(JSON.stringify({ level, message, time: new Date().toISOString(), ...base, ...fields }));
