import { css } from 'lit';

export const projectListStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--perron-space);
    margin: 0 0 var(--perron-space);
    padding: 0;
    border: 0;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--perron-column-width, 17rem)), 1fr));
    gap: var(--perron-space);
    list-style: none;
    margin: 0 0 var(--perron-space);
    padding: 0;
  }
  .grid > li {
    min-width: 0;
  }
  .skeleton-grid .skeleton-card {
    height: 26rem;
  }
  .more {
    display: flex;
    align-items: center;
    gap: var(--perron-space);
    flex-wrap: wrap;
  }
`;
