/** Reads an .ics text back for tests: unfolds lines and splits it into components. */

/** One property line: its name, its parameters and its value («DTSTART;TZID=Europe/Moscow:…»). */
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** The unfolded content lines (RFC 5545 §3.1: a CRLF followed by a space or tab continues a line). */
export function unfoldIcs(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');
}

function parseLine(line: string): IcsProperty {
  const colon = line.indexOf(':');
  const [name = '', ...params] = line.slice(0, colon).split(';');
  return {
    name,
    params: Object.fromEntries(params.map((param) => param.split('=') as [string, string])),
    value: line
      .slice(colon + 1)
      .replace(/\\n/gi, '\n')
      .replace(/\\([,;\\])/g, '$1'),
  };
}

/** The properties of every component of a kind (VEVENT, VTIMEZONE), in order. */
export function icsComponents(text: string, kind: string): IcsProperty[][] {
  const components: IcsProperty[][] = [];
  let current: IcsProperty[] | undefined;
  let depth = 0;
  for (const line of unfoldIcs(text)) {
    if (line === `BEGIN:${kind}`) {
      current = [];
      depth = 0;
      continue;
    }
    if (line === `END:${kind}` && depth === 0 && current) {
      components.push(current);
      current = undefined;
      continue;
    }
    if (!current) continue;
    if (line.startsWith('BEGIN:')) depth++;
    if (line.startsWith('END:')) depth--;
    current.push(parseLine(line));
  }
  return components;
}

/** The first property of a name in a component. */
export function icsProperty(component: IcsProperty[], name: string): IcsProperty | undefined {
  return component.find((property) => property.name === name);
}
