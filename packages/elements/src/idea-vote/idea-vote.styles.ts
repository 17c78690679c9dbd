import { css } from 'lit';

export const ideaVoteStyles = css`
  :host {
    max-width: var(--perron-idea-width, 40rem);
  }
  .contest-title,
  .idea-title {
    font-size: 1.15em;
    font-weight: 700;
    line-height: 1.25;
  }
  .phases {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    list-style: none;
    margin: 0 0 var(--perron-space);
    padding: 0;
    font-size: 0.9em;
  }
  .phases li {
    padding: 0.1rem 0.5rem;
    border: 1px solid var(--perron-border);
    border-radius: 1rem;
  }
  .phases li[aria-current='step'] {
    border: 2px solid var(--perron-accent);
    font-weight: 700;
  }
  .ideas {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--perron-space);
  }
  /* A community's ideas: the list is the element's box. */
  .ideas[part~='base'] {
    padding: var(--perron-space);
  }
  .ideas[part~='base'] > li:first-child .idea {
    border-top: 0;
    padding-top: 0;
  }
  .idea {
    display: grid;
    gap: 0.35rem;
  }
  .ideas .idea {
    border-top: 1px solid var(--perron-border);
    padding-top: var(--perron-space);
  }
  .count {
    font-size: 1.1em;
  }
  .count strong {
    font-size: 1.4em;
  }
  .badge {
    justify-self: start;
    font-size: 0.85em;
    font-weight: 600;
    padding: 0 0.5rem;
    border-radius: 1rem;
    border: 1px solid currentColor;
  }
  .vote {
    display: grid;
    gap: 0.5rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .notice {
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--perron-success);
  }
  .problem {
    color: var(--perron-danger);
    font-weight: 600;
  }
  .field {
    margin-bottom: 0;
  }
  .skeleton.idea-block {
    height: 14rem;
  }
`;
