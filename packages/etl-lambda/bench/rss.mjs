// Preloaded into the measured child: reports its own peak RSS on exit.
process.on('exit', () => {
  process.stderr.write(`${JSON.stringify({ maxRSS_kb: process.resourceUsage().maxRSS })}\n`);
});
