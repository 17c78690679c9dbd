import type { Screen } from '../index.tsx';
import { homeScreen } from './home.routes.tsx';
import { signInScreen } from './sign-in.routes.tsx';

/** Every screen of the workspace, in the order their routes are tried. Add yours here. */
export const SCREENS: Screen[] = [signInScreen, homeScreen];
