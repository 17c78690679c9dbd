import type { Screen } from '../index.tsx';

/** Every screen of the workspace, in the order their routes are tried. Add yours here. */
export const SCREENS: Screen[] = [];
