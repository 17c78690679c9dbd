import { css } from 'lit';

/** Labelled fields, their hints and errors, and checkboxes: for the elements that hold a form (fields.ts). */
export const fieldStyles = css`
  .field {
    display: grid;
    gap: 0.25rem;
    margin-bottom: var(--perron-space);
  }
  .field label {
    font-weight: 600;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--perron-color);
    background: var(--perron-surface);
    border: 1px solid var(--perron-muted);
    border-radius: calc(var(--perron-radius) / 2);
    padding: 0.5rem;
    min-height: 2.75rem;
    max-width: 100%;
    /* Reflow at 320 px: a field never widens its page (a select is as wide as its longest option). */
    min-width: 0;
  }
  select {
    width: 100%;
  }
  fieldset {
    min-width: 0;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border: 2px solid var(--perron-danger);
  }
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.5rem;
    align-items: start;
    margin-bottom: calc(var(--perron-space) / 2);
  }
  .check input {
    min-height: auto;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
  }
  .hint {
    color: var(--perron-muted);
    font-size: 0.9em;
  }
  .field-error {
    color: var(--perron-danger);
    font-weight: 600;
  }
`;
