import { css } from 'lit';

export const impactStyles = css`
  :host {
    --perron-chart-height: 8rem;
    container-type: inline-size;
  }
  .period {
    margin: 0 0 var(--perron-space);
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 8.5rem), 1fr));
    gap: var(--perron-space);
    margin: 0 0 var(--perron-space);
  }
  .figure {
    display: flex;
    flex-direction: column-reverse;
    justify-content: flex-end;
    padding: calc(var(--perron-space) * 0.75);
    border: 1px solid var(--perron-border);
    border-radius: var(--perron-radius);
    min-width: 0;
  }
  .figure dt {
    color: var(--perron-muted);
  }
  .figure dd {
    margin: 0;
  }
  /* Large, but a five-digit amount still fits a column of 8.5rem on one line. */
  .value {
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.2;
  }
  .chart {
    margin: 0;
    padding: calc(var(--perron-space) * 0.75);
    border: 1px solid var(--perron-border);
    border-radius: var(--perron-radius);
  }
  .chart figcaption {
    margin: 0 0 calc(var(--perron-space) / 2);
    font-weight: 600;
  }
  .chart figcaption .muted {
    font-weight: 400;
    white-space: nowrap;
  }
  .bars {
    display: flex;
    gap: 0.25rem;
    align-items: stretch;
  }
  .month {
    flex: 1 1 0;
    min-width: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
  }
  .column {
    display: flex;
    align-items: flex-end;
    width: 100%;
    height: var(--perron-chart-height);
    border-bottom: 2px solid var(--perron-border);
  }
  .bar {
    display: block;
    width: 100%;
    height: calc(var(--ratio, 0) * 100%);
    background: var(--perron-accent);
    border-radius: 0.2rem 0.2rem 0 0;
  }
  .label {
    font-size: 0.8em;
    color: var(--perron-muted);
    white-space: nowrap;
  }
  .narrow {
    display: none;
  }
  /* Narrow: each month by its initial, so twelve labels fit under twelve bars at 320 px. */
  @container (max-width: 34rem) {
    .short {
      display: none;
    }
    .narrow {
      display: inline;
    }
  }
  .skeleton-impact {
    display: grid;
    gap: var(--perron-space);
  }
  .figures-skeleton {
    height: 9rem;
  }
  .chart-skeleton {
    height: 12rem;
  }
  @media (forced-colors: active) {
    .bar {
      background: CanvasText;
      border: 1px solid CanvasText;
      forced-color-adjust: none;
    }
    .column {
      border-bottom-color: CanvasText;
    }
  }
`;
