// React 19: the elements from their ES modules; props and `onperron-pledge` typed by @perron/elements/react.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@perron/elements/define/all';
import type {} from '@perron/elements/react';
import type { PerronPledgeEvent } from '@perron/elements';

const params = new URLSearchParams(location.search);
const node = params.get('node') ?? undefined;

function App() {
  const [pledged, setPledged] = useState<string>();
  return (
    <main>
      <perron-project-card project={params.get('project') ?? undefined} node={node}></perron-project-card>
      <perron-pledge-form need={params.get('need') ?? undefined} node={node} onperron-pledge={(e: PerronPledgeEvent) => setPledged(e.detail.pledge.id)}></perron-pledge-form>
      <p id="pledged">{pledged ? `pledged ${pledged}` : 'waiting'}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
