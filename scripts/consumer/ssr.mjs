// What a server-side renderer does: import the elements and their define modules in Node.
// Nothing may touch the DOM at import time, and no tag gets defined there.
import * as elements from '@perron/elements';
import '@perron/elements/define/all';

const defined = typeof customElements === 'undefined' ? [] : ['perron-project-card', 'perron-platform'].filter((t) => customElements.get(t));
console.log(JSON.stringify({ classes: Object.keys(elements).filter((k) => k.startsWith('Perron')).length, defined }));
