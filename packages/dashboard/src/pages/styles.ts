/** The whole stylesheet, inline: no external fonts or files, light and dark, laptop and phone. */
export const STYLES = `
:root{color-scheme:light dark;--bg:#f7f8fa;--card:#fff;--fg:#1d2329;--muted:#66707a;--line:#e2e6ea;--accent:#2f7de1;--bad:#c0392b;--good:#1e8e3e;--warn:#b26a00}
@media (prefers-color-scheme:dark){:root{--bg:#111417;--card:#1b1f24;--fg:#e7eaed;--muted:#98a2ad;--line:#2c3238;--accent:#6aa7ff;--bad:#ff7b6b;--good:#5fd17f;--warn:#f0b35a}}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
header,main,footer{max-width:1200px;margin:0 auto;padding:12px 16px}
header{display:flex;flex-wrap:wrap;gap:12px;align-items:center;justify-content:space-between}
h1{font-size:18px;margin:0}h2{font-size:15px;margin:0 0 8px}h3{font-size:13px;margin:12px 0 6px;color:var(--muted)}
a{color:var(--accent)}form.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end}
label{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}
input,select,button{font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--fg)}
button{background:var(--accent);color:#fff;border:0;padding:5px 12px;cursor:pointer}
.health{display:flex;flex-wrap:wrap;gap:16px;padding:8px 12px;border-radius:8px;background:var(--card);border:1px solid var(--line);font-size:13px}
.health.stalled{border-color:var(--bad)}.health .warn{color:var(--bad);font-weight:600}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin:12px 0}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.kpi .label{font-size:12px;color:var(--muted)}.kpi .value{font-size:20px;font-weight:600}
.kpi .change{font-size:12px;color:var(--muted)}.up{color:var(--good)!important}.down{color:var(--bad)!important}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:12px;margin:12px 0}
section.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px;overflow-x:auto}
@media (min-width:760px){section.card.wide{grid-column:span 2}}
@media (max-width:520px){table{font-size:12px}th,td{padding:3px 4px}}
.chart svg{width:100%;height:auto;display:block}.chart{position:relative}
.tip{position:absolute;pointer-events:none;background:var(--fg);color:var(--bg);padding:2px 6px;border-radius:4px;font-size:12px;white-space:nowrap}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:3px 6px;border-bottom:1px solid var(--line)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{height:8px;background:var(--accent);border-radius:4px;min-width:1px}
.csv{font-size:12px;float:right}.muted{color:var(--muted)}.error{border:1px solid var(--bad);color:var(--bad);padding:8px 12px;border-radius:8px;background:var(--card)}
pre{background:var(--card);border:1px solid var(--line);padding:12px;border-radius:8px;overflow-x:auto}
dl.defs dt{font-weight:600;margin-top:6px}dl.defs dd{margin:0 0 0 12px;color:var(--muted)}
`;
