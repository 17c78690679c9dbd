import { css } from 'lit';

/** A project's face: used by the card and by each item of the list. */
export const projectStyles = css`
  .project {
    display: flex;
    flex-direction: column;
    height: 100%;
    padding: 0;
    overflow: hidden;
  }
  .image {
    display: block;
    width: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    background: var(--perron-track);
  }
  .body {
    display: flex;
    flex-direction: column;
    flex: 1;
    gap: 0.25rem;
    padding: var(--perron-space);
  }
  .status {
    align-self: flex-start;
    font-size: 0.85em;
    font-weight: 600;
    padding: 0.1rem 0.5rem;
    border-radius: 1rem;
    border: 1px solid currentColor;
    color: var(--perron-muted);
  }
  .status-published {
    color: var(--perron-success);
  }
  .title {
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.25;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    font-size: 0.9em;
  }
  .progress {
    display: grid;
    gap: 0.5rem;
    margin: 0.5rem 0;
  }
  .progress dt {
    font-weight: 600;
  }
  .progress dd {
    margin: 0;
  }
  .partners ul {
    display: inline;
    padding: 0;
    margin: 0;
  }
  .partners li {
    display: inline;
  }
  .partners li + li::before {
    content: ', ';
  }
  .actions,
  a[part~='contribute'] {
    margin-top: auto;
    align-self: flex-start;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .skeleton-card {
    border: 1px solid var(--perron-border);
    border-radius: var(--perron-radius);
  }
  .skeleton.image {
    border-radius: 0;
  }
  .skeleton.line {
    height: 1rem;
    margin: 0.25rem 0;
  }
  .skeleton.line.short {
    width: 40%;
  }
  .skeleton.title-line {
    height: 1.6rem;
  }
  .skeleton.block {
    height: 26rem;
    margin-top: 0.5rem;
  }
`;

export const projectCardStyles = css`
  :host {
    max-width: var(--perron-card-width, 28rem);
  }
`;
