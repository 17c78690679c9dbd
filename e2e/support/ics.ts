// Just enough of RFC 5545 to read what a calendar application would: unfolded content lines,
// nested components, parameters, escaped text.

export interface IcsProperty {
  value: string;
  params: Record<string, string>;
}
export interface IcsComponent {
  name: string;
  properties: Record<string, IcsProperty | undefined>;
  components: IcsComponent[];
}

const unescape = (text: string) => text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** The VCALENDAR of an .ics file; throws on anything a strict reader would refuse. */
export function parseIcs(text: string): IcsComponent {
  if (!/\r\n/.test(text) || /[^\r]\n/.test(text)) throw new Error('Lines must end with CRLF');
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const stack: IcsComponent[] = [];
  let root: IcsComponent | undefined;
  for (const line of lines) {
    const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^;:,]*)(?:,(?:"[^"]*"|[^;:,]*))*)*):(.*)$/.exec(line);
    if (!m) throw new Error(`Not a content line: ${line}`);
    const [, name, rawParams, value] = m as unknown as [string, string, string, string];
    if (name === 'BEGIN') {
      const c: IcsComponent = { name: value, properties: {}, components: [] };
      stack.at(-1)?.components.push(c);
      stack.push(c);
      root ??= c;
    } else if (name === 'END') {
      if (stack.pop()?.name !== value) throw new Error(`END:${value} closes nothing`);
    } else {
      const params = Object.fromEntries(
        [...rawParams.matchAll(/;([A-Za-z0-9-]+)=("[^"]*"|[^;]*)/g)].map(([, k, v]) => [k!.toUpperCase(), v!.replace(/^"|"$/g, '')]),
      );
      const current = stack.at(-1);
      if (!current) throw new Error(`Property outside a component: ${line}`);
      current.properties[name.toUpperCase()] ??= { value: unescape(value), params };
    }
  }
  if (!root || root.name !== 'VCALENDAR' || stack.length) throw new Error('Not one complete VCALENDAR');
  return root;
}
