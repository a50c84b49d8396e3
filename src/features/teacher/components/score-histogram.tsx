import { describeBin, type HistogramBin } from '../statistics-labels';

const CHART_WIDTH = 600;
const CHART_HEIGHT = 220;
const AXIS_HEIGHT = 28;
const TOP_GAP = 22;

/**
 * The spread of the class's percents as a bar chart. The picture is for eyes only; the same
 * numbers are in a table that screen readers read (visually hidden), named by the figure caption.
 */
export function ScoreHistogram({ bins }: { bins: readonly HistogramBin[] }) {
  const highest = Math.max(1, ...bins.map((bin) => bin.count));
  const slot = CHART_WIDTH / Math.max(1, bins.length);
  const plotHeight = CHART_HEIGHT - AXIS_HEIGHT - TOP_GAP;
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);

  return (
    <figure className="histogram" aria-labelledby="histogram-caption">
      <figcaption id="histogram-caption">
        Score distribution: attempts by percent ({total} {total === 1 ? 'attempt' : 'attempts'})
      </figcaption>
      <svg
        className="histogram-chart"
        viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
        aria-hidden="true"
        focusable="false"
      >
        <line
          className="histogram-axis"
          x1={0}
          x2={CHART_WIDTH}
          y1={CHART_HEIGHT - AXIS_HEIGHT}
          y2={CHART_HEIGHT - AXIS_HEIGHT}
        />
        {bins.map((bin, index) => {
          const height = (bin.count / highest) * plotHeight;
          const x = index * slot;
          const y = CHART_HEIGHT - AXIS_HEIGHT - height;
          return (
            <g key={bin.from}>
              <rect className="histogram-bar" x={x + 4} y={y} width={slot - 8} height={height} />
              {bin.count > 0 && (
                <text className="histogram-count" x={x + slot / 2} y={y - 6} textAnchor="middle">
                  {bin.count}
                </text>
              )}
              <text
                className="histogram-label"
                x={x + slot / 2}
                y={CHART_HEIGHT - 8}
                textAnchor="middle"
              >
                {bin.from}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">Percent</th>
            <th scope="col">Attempts</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((bin, index) => (
            <tr key={bin.from}>
              <th scope="row">{describeBin(bin, index === bins.length - 1)}</th>
              <td>{bin.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
