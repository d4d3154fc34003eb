/** Text or attribute value safe inside XML: the five special characters escaped, and characters XML 1.0 forbids dropped. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 does not allow
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** An element: `tag(name, attributes, ...children)`, where a child is a string already in XML or nothing. */
export function element(
  name: string,
  attributes: Record<string, string | number | undefined>,
  ...children: (string | undefined | false)[]
): string {
  const attributeText = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlText(String(value))}"`)
    .join('');
  const body = children.filter((child): child is string => typeof child === 'string' && child.length > 0);
  if (body.length === 0) return `<${name}${attributeText}/>`;
  return `<${name}${attributeText}>${body.join('')}</${name}>`;
}

/** An element holding only text. */
export function textElement(name: string, value: string, attributes: Record<string, string | undefined> = {}): string {
  return element(name, attributes, xmlText(value) || undefined);
}
