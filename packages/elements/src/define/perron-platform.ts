import { PerronPlatform } from '../platform/platform.ts';

// Guarded: the snippet may be pasted twice, or come with another bundle of the elements.
if (!customElements.get('perron-platform')) customElements.define('perron-platform', PerronPlatform);
