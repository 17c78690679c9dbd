import { css } from 'lit';

export const needsListStyles = css`
  .group + .group {
    margin-top: calc(var(--perron-space) * 1.5);
  }
  .group-title {
    font-size: 1.15em;
    font-weight: 700;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--perron-space);
  }
  .need {
    display: grid;
    gap: 0.35rem;
  }
  .need-title {
    font-weight: 700;
  }
  .need-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .badge {
    align-self: center;
    font-size: 0.85em;
    font-weight: 600;
    padding: 0 0.5rem;
    border-radius: 1rem;
    border: 1px solid currentColor;
    color: var(--perron-muted);
  }
  .help {
    justify-self: start;
    margin-top: 0.25rem;
  }
  .pledge[hidden] {
    display: none;
  }
  .pledge {
    margin-top: 0.5rem;
  }
  .services {
    margin-top: 0.5rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--perron-border);
    overflow-wrap: anywhere;
  }
  .services ul {
    gap: 0.25rem;
  }
  .services-title {
    font-weight: 600;
  }
  .services-status {
    margin-top: var(--perron-space);
  }
  .services-status:empty {
    display: none;
  }
  .skeleton.needs {
    height: 40rem;
  }
`;
