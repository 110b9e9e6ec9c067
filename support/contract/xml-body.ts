import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { coerceScalar, propertiesOf } from './coerce';

type Schema = OpenAPIV3.SchemaObject;

/** `application/xml`, `text/xml` and any `+xml` type (`application/atom+xml`). */
export function isXmlMediaType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && /^(application|text)\/([\w.-]+\+)?xml$/.test(mediaType);
}

const TEXT = '#text';
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  textNodeName: TEXT,
  trimValues: true,
});

/**
 * The value an XML document stands for under its schema, as OpenAPI's XML Object describes it:
 * the root element is the object, child elements and attributes (`xml.attribute`) its
 * properties under their `xml.name`, arrays repeated elements or wrapped in one (`xml.wrapped`),
 * text read as the type each property declares. A document that is not well-formed says where.
 */
export function decodeXml(text: string, schema: Schema): { value: unknown } | { error: string } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: `${valid.err.msg} (line ${valid.err.line})` };
  const document = parser.parse(text) as Record<string, unknown>;
  const root = Object.keys(document).find((name) => !name.startsWith('?'));
  if (root === undefined) return { error: 'the document has no root element' };
  return { value: fromNode(document[root], schema) };
}

function fromNode(node: unknown, schema: Schema): unknown {
  const properties = propertiesOf(schema);
  const isObject = schema.type === 'object' || Object.keys(properties).length > 0;
  if (isObject) return fromElement(node, properties);
  if (schema.type === 'array') return asList(node).map((item) => fromNode(item, itemsOf(schema)));
  const scalar = textOf(node);
  return scalar === undefined ? node : coerceScalar(scalar, schema);
}

function fromElement(node: unknown, properties: Record<string, Schema>): unknown {
  if (typeof node === 'string') return node === '' ? {} : node;
  if (typeof node !== 'object' || node === null) return node;
  const children = { ...(node as Record<string, unknown>) };
  const value: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const xmlName = property.xml?.name ?? name;
    if (property.type === 'array') {
      const items = itemsOf(property);
      const itemName = items.xml?.name ?? (property.xml?.wrapped ? name : xmlName);
      const holder = property.xml?.wrapped ? children[xmlName] : children;
      const list = (holder as Record<string, unknown> | undefined)?.[itemName];
      if (property.xml?.wrapped) delete children[xmlName];
      else delete children[itemName];
      if (list !== undefined) value[name] = asList(list).map((item) => fromNode(item, items));
      else if (holder !== undefined && property.xml?.wrapped) value[name] = [];
      continue;
    }
    if (!(xmlName in children)) continue;
    value[name] = fromNode(children[xmlName], property);
    delete children[xmlName];
  }
  // What the schema does not name stays, as text: `additionalProperties: false` then says so.
  delete children[TEXT];
  return { ...children, ...value };
}

function itemsOf(schema: Schema): Schema {
  return ((schema as OpenAPIV3.ArraySchemaObject).items ?? {}) as Schema;
}

function asList(node: unknown): unknown[] {
  return Array.isArray(node) ? node : [node];
}

function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null && TEXT in node)
    return String((node as Record<string, unknown>)[TEXT]);
  return undefined;
}
