import { css } from 'lit';

/** What differs from the pledge form, whose styles (title, notice, problem, actions) it wears too. */
export const ideaFormStyles = css`
  textarea {
    min-height: 7rem;
  }
  .skeleton.form {
    height: 48rem;
  }
`;
