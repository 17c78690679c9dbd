import { css } from 'lit';

export const directoryStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0 var(--perron-space);
    margin: 0 0 var(--perron-space);
  }
  .filters .button {
    margin-bottom: var(--perron-space);
  }
  .services {
    display: grid;
    gap: var(--perron-space);
    list-style: none;
    margin: 0 0 var(--perron-space);
    padding: 0;
  }
  .services > li {
    border: 1px solid var(--perron-border);
    border-radius: var(--perron-radius);
    padding: var(--perron-space);
    min-width: 0;
  }
  .services > li > p {
    margin: 0 0 0.5rem;
  }
  .title {
    font-size: 1.15em;
    font-weight: 700;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5rem;
    border: 1px solid currentColor;
    border-radius: var(--perron-radius);
    color: var(--perron-danger);
  }
  .details {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem var(--perron-space);
    margin: 0 0 0.5rem;
  }
  .details dt {
    font-weight: 600;
  }
  .details dd {
    margin: 0;
  }
  a {
    color: var(--perron-accent);
  }
  .skeleton-service {
    height: 12rem;
  }
  .more {
    display: flex;
    align-items: center;
    gap: var(--perron-space);
    flex-wrap: wrap;
  }
`;
