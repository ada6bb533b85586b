/** How many people gave each usefulness rating, 1 to 5. */
export interface RatingCounts {
  rating: number;
  count: number;
}

/**
 * Usefulness ratings as a bar chart, with the same figures in a table beside it: the chart is for seeing the shape at
 * a glance, the table is the text alternative every reader can use (WCAG 1.1.1).
 */
export function RatingsChart({ counts, caption }: { counts: RatingCounts[]; caption: string }) {
  const most = Math.max(1, ...counts.map((entry) => entry.count));
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  return (
    <div className="ratings">
      <figure className="ratings-chart" aria-hidden="true">
        {counts.map((entry) => (
          <div key={entry.rating} className="ratings-chart__row">
            <span className="ratings-chart__label">{entry.rating}</span>
            <span className="ratings-chart__track">
              <span className="ratings-chart__bar" style={{ width: `${(entry.count / most) * 100}%` }} />
            </span>
            <span className="ratings-chart__count">{entry.count}</span>
          </div>
        ))}
      </figure>
      <table className="ratings-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Usefulness (1 to 5)</th>
            <th scope="col">People</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((entry) => (
            <tr key={entry.rating}>
              <th scope="row">{entry.rating}</th>
              <td>{entry.count}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{total}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
