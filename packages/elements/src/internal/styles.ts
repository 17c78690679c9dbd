import { css } from 'lit';

/**
 * What every element's shadow root starts with. Colours come in light/dark pairs resolved by the
 * host page's `color-scheme`, text and surface always as a pair so that neither is inherited alone.
 */
export const baseStyles = css`
  :host {
    --perron-font: inherit;
    --perron-color: light-dark(#1d2125, #eceff1);
    --perron-surface: light-dark(#ffffff, #1c2024);
    --perron-muted: light-dark(#545b62, #b4bcc3);
    --perron-border: light-dark(#c5ccd3, #4a525a);
    --perron-accent: light-dark(#0b5cad, #8cc2ff);
    --perron-accent-contrast: light-dark(#ffffff, #0c1a29);
    --perron-success: light-dark(#1c6b38, #7fd99b);
    --perron-danger: light-dark(#b3261e, #ffb4ab);
    --perron-focus: light-dark(#0b5cad, #8cc2ff);
    --perron-track: light-dark(#e3e7eb, #343b42);
    --perron-radius: 0.5rem;
    --perron-space: 1rem;
    display: block;
    font: inherit;
    font-family: var(--perron-font);
    color: var(--perron-color);
    background: var(--perron-surface);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  /* An element shown inside another (the pledge form in the needs list) wears the page's theme,
     not its own defaults: the host page's --perron-* reach the outer element only. */
  :is(perron-pledge-form, perron-needs-list, perron-project-card, perron-support-form) {
    --perron-font: inherit;
    --perron-color: inherit;
    --perron-surface: inherit;
    --perron-muted: inherit;
    --perron-border: inherit;
    --perron-accent: inherit;
    --perron-accent-contrast: inherit;
    --perron-success: inherit;
    --perron-danger: inherit;
    --perron-focus: inherit;
    --perron-track: inherit;
    --perron-radius: inherit;
    --perron-space: inherit;
    /* Its own room, not its container's. */
    --perron-loading-height: initial;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [part~='base'] {
    background: var(--perron-surface);
    color: var(--perron-color);
    border: 1px solid var(--perron-border);
    border-radius: var(--perron-radius);
    padding: var(--perron-space);
  }
  h2,
  h3,
  h4,
  p {
    margin: 0 0 calc(var(--perron-space) / 2);
  }
  h2,
  h3,
  h4 {
    line-height: 1.25;
  }
  a {
    color: var(--perron-accent);
  }
  .muted {
    color: var(--perron-muted);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    border-radius: var(--perron-radius);
    border: 2px solid var(--perron-accent);
    background: var(--perron-accent);
    color: var(--perron-accent-contrast);
    text-decoration: none;
    cursor: pointer;
  }
  .button.secondary {
    background: transparent;
    color: var(--perron-accent);
  }
  .button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  :focus-visible {
    outline: 3px solid var(--perron-focus);
    outline-offset: 2px;
  }
  .state {
    padding: var(--perron-space);
    border: 1px solid var(--perron-border);
    border-radius: var(--perron-radius);
    background: var(--perron-surface);
  }
  [part~='error'] {
    border-color: var(--perron-danger);
  }
  /* A page that knows the room an element will take says so (--perron-loading-height, with the same
     min-height on the tag before the script runs): the loading state keeps exactly that room. */
  .loading {
    position: relative;
    height: var(--perron-loading-height, auto);
    overflow: hidden;
  }
  .skeleton {
    display: block;
    border-radius: var(--perron-radius);
    background: var(--perron-track);
    animation: pulse 1.5s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .bar {
    display: block;
    height: 0.5rem;
    border-radius: 0.25rem;
    background: var(--perron-track);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    width: calc(var(--ratio, 0) * 100%);
    background: var(--perron-success);
  }
  @media (forced-colors: active) {
    .bar {
      border: 1px solid CanvasText;
    }
    .bar > span {
      background: Highlight;
      forced-color-adjust: none;
    }
    .skeleton {
      border: 1px dashed CanvasText;
    }
    .button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
