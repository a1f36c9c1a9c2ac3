// The peers' chart: the app's "Salary by seniority, per source" (floating bars, one colour per
// source, US dollars a year) drawn with Chart.js from the same data/atlas.json. Shared by the
// three peer pages (scripts/peers/build.mjs); benchmark scaffolding, never shipped.
const LEVELS = ['junior', 'middle', 'senior', 'lead', 'architect', 'principal'];
const COLOURS = ['#006ba6', '#b85c00', '#007d5c', '#8e44ad', '#a83f8a', '#3b6e8f', '#5c5c5c'];

/** Chart.js data: a floating bar [low, high] per level and source (a point figure: a thin bar). */
export function rangeData(atlas) {
  const bands = atlas.salary_bands;
  const levels = LEVELS.filter((l) => bands.some((b) => b.level === l));
  const sources = atlas.sources.filter((s) => bands.some((b) => b.source === s.id));
  return {
    labels: levels,
    datasets: sources.map((source) => ({
      label: source.short_name ?? source.title,
      backgroundColor: COLOURS[atlas.sources.indexOf(source) % COLOURS.length],
      data: levels.map((level) => {
        const salary = bands.find((b) => b.source === source.id && b.level === level)?.salary;
        if (!salary) return null;
        if (salary.type === 'point') return [salary.value * 0.995, salary.value * 1.005];
        return [salary.min, salary.max ?? salary.stated_top ?? salary.min * 1.05];
      }),
    })),
  };
}

export const OPTIONS = {
  indexAxis: 'y',
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  scales: { x: { title: { display: true, text: 'US dollars a year' } } },
};

/** Fetches the dataset as the app does (relative to the page). */
export const loadAtlas = () => fetch('data/atlas.json').then((r) => r.json());

/** The mark the benchmark waits for, as the app's ChartFrame sets it after a draw. */
export const drawn = () => performance.mark('chart:salary-ranges');
