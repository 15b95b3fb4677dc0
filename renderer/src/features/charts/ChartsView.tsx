// Charts view (placeholder until the workspace issue fills it in).
export function ChartsView() {
  return <section aria-label="Charts"><h2>Charts</h2></section>;
}
