import { css } from 'lit';

/** A card's dialog: adopted by the card's shadow root with the dialog itself, on the first click (./dialog.ts). */
export const dialogStyles = css`
  /* The needs and their pledge forms, over the host page; the page's theme reaches them through the host. */
  .dialog {
    width: 44rem;
    max-width: calc(100vw - 1rem);
    max-height: calc(100dvh - 1rem);
    padding: var(--perron-space);
    border: 1px solid var(--perron-border);
    border-radius: var(--perron-radius);
    background: var(--perron-surface);
    color: var(--perron-color);
    font: inherit;
    font-family: var(--perron-font);
    overscroll-behavior: contain;
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.6);
  }
  .dialog-head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.5rem;
    margin-bottom: var(--perron-space);
  }
  .dialog-title {
    flex: 1 1 12rem;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.25;
  }
  /* The dialog is the frame: the list inside needs no second one. */
  .dialog perron-needs-list::part(base),
  .dialog perron-support-form::part(base) {
    border: 0;
    padding: 0;
  }
  .dialog-page {
    margin: var(--perron-space) 0 0;
  }
  @media (max-width: 30rem) {
    .dialog {
      padding: 0.75rem;
    }
  }
`;
