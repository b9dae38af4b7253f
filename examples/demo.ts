// The main job, end to end: read recent daily rows, forecast every profile's
// engagement per post 7, 14, 21 and 28 days ahead with the built-in
// pretrained models, and print the forecasts.
//
//   npm run demo            (or: npx tsx examples/demo.ts [folder-or-file])
import { fileURLToPath } from 'node:url';
import { loadBuiltinModel, loadDaily, predict, PREDICTION_FLAGS } from 'engagement-forecast';

const source = process.argv[2] ?? fileURLToPath(new URL('./data/', import.meta.url));
const daily = await loadDaily(source);
console.log(
  `Read ${daily.length} daily rows of ${daily.profileIds.length} profiles from ${daily.report.files.length} files` +
    ` (${daily.report.missingFollowers} rows without a followers count).`,
);

const model = loadBuiltinModel();
const predictions = predict(model, daily);
console.log(`Model: ${model.description}\n`);

// One line per profile: its latest week and the four forecasts.
const byProfile = new Map<string, typeof predictions>();
for (const p of predictions) byProfile.set(p.profile_id, [...(byProfile.get(p.profile_id) ?? []), p]);
const fmt = (n: number) => n.toFixed(1).padStart(10);
// The caveat flags each profile's forecasts carry (PREDICTION_FLAGS, docs/getting-started.md): shown, not hidden.
console.log(
  `${'profile'.padEnd(14)} ${'week of'.padEnd(10)} ${'+7d'.padStart(10)} ${'+14d'.padStart(10)} ${'+21d'.padStart(10)} ${'+28d'.padStart(10)}  flags`,
);
for (const [id, rows] of byProfile) {
  const flags = PREDICTION_FLAGS.filter((f) => rows.some((r) => r[f]));
  console.log(`${id.slice(0, 12)}…  ${rows[0]!.date} ${rows.map((r) => fmt(r.predicted_engagement)).join(' ')}  ${flags.join(' ')}`);
}
console.log(`\n${predictions.length} forecasts (engagement per post) for ${byProfile.size} profiles.`);
const counts = PREDICTION_FLAGS.map((f) => [f, predictions.filter((p) => p[f]).length] as const).filter(([, n]) => n > 0);
if (counts.length) console.log(`Flagged: ${counts.map(([f, n]) => `${n} ${f}`).join(', ')} (of ${predictions.length} forecasts).`);

// The notebook preset predicts from each profile's latest week even when it is
// partial (quirk Q8): here the data ends on Tuesday 31 December, so the latest
// week ends on Sunday 5 January and its month (January) has no monthly average,
// which then counts as 0 — and the forecasts fall back towards the intercepts.
const partial = predictions.filter((p) => p.date === '2025-01-05').length / 4;
if (partial) console.log(`(${partial} profiles' latest week is the partial week ending 2025-01-05: see docs/quirks.md, Q8.)`);
