import { css } from 'lit';

export const pledgeFormStyles = css`
  :host {
    max-width: var(--perron-form-width, 36rem);
  }
  .title {
    font-size: 1.2em;
    font-weight: 700;
    line-height: 1.25;
  }
  .notice {
    margin: 0 0 var(--perron-space);
    padding: var(--perron-space);
    border: 1px solid var(--perron-border);
    border-radius: var(--perron-radius);
    font-size: 0.95em;
  }
  .notice legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  textarea {
    min-height: 5rem;
    resize: vertical;
  }
  .problem {
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--perron-danger);
    color: var(--perron-danger);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .skeleton.form {
    height: 56rem;
  }
`;
