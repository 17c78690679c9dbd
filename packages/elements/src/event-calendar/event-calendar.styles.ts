import { css } from 'lit';

export const eventCalendarStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: var(--perron-space);
  }
  .views {
    display: inline-flex;
    gap: 0.25rem;
  }
  .views .button[aria-pressed='false'] {
    background: transparent;
    color: var(--perron-accent);
  }
  .month-nav {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .month-title {
    font-size: 1.15em;
    font-weight: 700;
    /* A steady width between months, that still yields on a narrow screen (reflow at 320 px). */
    flex: 0 1 10em;
    min-width: 0;
    text-align: center;
    margin: 0;
  }
  .icon {
    min-width: 2.75rem;
    padding: 0.25rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th {
    font-size: 0.85em;
    font-weight: 600;
    color: var(--perron-muted);
    padding: 0.25rem 0;
  }
  td {
    height: 3.25rem;
    text-align: center;
    vertical-align: top;
    border: 1px solid var(--perron-border);
    padding: 0.25rem 0;
    cursor: pointer;
  }
  td.outside {
    cursor: default;
    background: transparent;
    border-style: none;
  }
  td[aria-selected='true'] {
    background: var(--perron-accent);
    color: var(--perron-accent-contrast);
  }
  td[aria-current='date'] .num {
    font-weight: 700;
    text-decoration: underline;
  }
  td:focus-visible {
    outline-offset: -3px;
  }
  .dots {
    display: flex;
    justify-content: center;
    gap: 2px;
    margin-top: 0.15rem;
  }
  .dots span {
    width: 0.4rem;
    height: 0.4rem;
    border-radius: 50%;
    background: currentColor;
  }
  .day {
    margin-top: var(--perron-space);
  }
  .day-title,
  .group-title {
    font-weight: 700;
  }
  .events {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .event {
    border-left: 4px solid var(--perron-accent);
    padding: 0.25rem 0 0.25rem 0.75rem;
  }
  .event-title {
    font-weight: 700;
  }
  .details {
    display: grid;
    gap: 0.25rem;
    margin-top: 0.5rem;
  }
  .details[hidden],
  .rsvp[hidden] {
    display: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0.5rem 0;
  }
  .rsvp {
    margin-top: 0.5rem;
  }
  /* As the fields' hints are (fields.styles.ts, adopted only once a form opens). */
  .hint {
    font-size: 0.9em;
  }
  .problem {
    color: var(--perron-danger);
    font-weight: 600;
  }
  .group + .group {
    margin-top: var(--perron-space);
  }
  .status-line {
    min-height: 1.5em;
  }
  .skeleton.list {
    height: 20rem;
  }
  @media (forced-colors: active) {
    td[aria-selected='true'] {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    /* Backgrounds are repainted as Canvas in forced colours: the marks say which days have events. */
    .dots span {
      forced-color-adjust: none;
      background: CanvasText;
    }
    td[aria-selected='true'] .dots span {
      background: HighlightText;
    }
    .views .button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    .views .button[aria-pressed='false'] {
      color: ButtonText;
      border-color: ButtonText;
    }
  }
`;
