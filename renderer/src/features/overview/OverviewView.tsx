// Overview view (placeholder until the workspace issue fills it in).
export function OverviewView() {
  return <section aria-label="Overview"><h2>Overview</h2></section>;
}
