import { css } from 'lit';

export const supportFormStyles = css`
  :host {
    max-width: var(--perron-form-width, 36rem);
  }
  form,
  .done {
    display: grid;
    gap: 0.5rem;
  }
  .title {
    font-size: 1.1em;
    font-weight: 700;
    margin: 0;
  }
  .field {
    margin-bottom: 0;
  }
  .notice {
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--perron-success);
    font-size: 0.9em;
  }
  .notice p {
    margin: 0 0 0.35rem;
  }
  .problem {
    color: var(--perron-danger);
    font-weight: 600;
  }
  .skeleton.form {
    height: 18rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;
