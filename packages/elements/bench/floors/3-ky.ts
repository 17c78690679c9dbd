// Floor 3: and fetches it with ky.
import ky from 'ky';

export * from './2-zod.ts';
export const get = (url: string) => ky.get(url).json();
