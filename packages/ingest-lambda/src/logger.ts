/** One structured entry per request; the sink decides where it goes. */
export type Logger = (entry: Record<string, unknown>) => void;

/** One JSON line on stdout, which CloudWatch (or a terminal) keeps as is. */
export const jsonLogger: Logger = (entry) => {
  console.info(JSON.stringify({ time: new Date().toISOString(), ...entry }));
};

export const silentLogger: Logger = () => {};
