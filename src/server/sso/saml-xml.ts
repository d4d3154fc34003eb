// The XML parser and XPath that @node-saml/node-saml itself uses (xmldom, with its errors
// turned into rejections), so that metadata and assertions are read exactly as the library reads
// them; imported from the library's own module rather than as dependencies of our own.
import { parseDomFromString, xpath } from '@node-saml/node-saml/lib/xml.js';

export const SAML_METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';
export const SAML_ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** The little of a DOM element that is read here (the library's types leave them untyped). */
export interface XmlElement {
  localName: string;
  namespaceURI: string | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

/** A parsed document; refuses what is not well-formed XML. */
export async function parseXml(xml: string): Promise<unknown> {
  return parseDomFromString(xml);
}

/** The elements an XPath (relative to `node`) selects. */
export function select(node: unknown, path: string): XmlElement[] {
  return xpath.selectElements(node, path) as XmlElement[];
}

/** `./name` in the namespace, for XPath without prefixes (the documents use any prefix they like). */
export function child(namespace: string, name: string): string {
  return `*[local-name()='${name}' and namespace-uri()='${namespace}']`;
}

/** A moment of an XML dateTime attribute; null when absent or not a date. */
function moment(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** What is read from a verified assertion that the library does not check itself. */
export interface AssertionFacts {
  issuer: string | null;
  /** The bearer subject confirmations, with their data. */
  bearerConfirmations: {
    recipient: string | null;
    inResponseTo: string | null;
    notBefore: Date | null;
    notOnOrAfter: Date | null;
  }[];
}

/** Reads the issuer and bearer subject confirmations of one assertion (its XML as the library verified it). */
export async function assertionFacts(assertionXml: string): Promise<AssertionFacts> {
  const doc = await parseXml(assertionXml);
  const [assertion] = select(doc, `/${child(SAML_ASSERTION_NS, 'Assertion')}`);
  if (!assertion) return { issuer: null, bearerConfirmations: [] };
  const issuer = select(assertion, `./${child(SAML_ASSERTION_NS, 'Issuer')}`)[0]?.textContent?.trim() ?? null;
  const confirmations = select(
    assertion,
    `./${child(SAML_ASSERTION_NS, 'Subject')}/${child(SAML_ASSERTION_NS, 'SubjectConfirmation')}`,
  ).filter((confirmation) => confirmation.getAttribute('Method') === 'urn:oasis:names:tc:SAML:2.0:cm:bearer');
  return {
    issuer,
    bearerConfirmations: confirmations.map((confirmation) => {
      const data = select(confirmation, `./${child(SAML_ASSERTION_NS, 'SubjectConfirmationData')}`)[0];
      return {
        recipient: data?.getAttribute('Recipient') || null,
        inResponseTo: data?.getAttribute('InResponseTo') || null,
        notBefore: moment(data?.getAttribute('NotBefore') ?? null),
        notOnOrAfter: moment(data?.getAttribute('NotOnOrAfter') ?? null),
      };
    }),
  };
}
