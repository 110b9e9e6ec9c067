import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OpenAPIV3 } from 'openapi-types';
import { decodeXml, isXmlMediaType } from '../../support/contract/xml-body';

/** The OpenAPI specification's own XML Object examples: a renamed element, an attribute, arrays. */
const PET: OpenAPIV3.SchemaObject = {
  type: 'object',
  xml: { name: 'animal' },
  properties: {
    id: { type: 'integer', xml: { attribute: true } },
    name: { type: 'string', xml: { name: 'petName' } },
    vaccinated: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string', xml: { name: 'tag' } }, xml: { wrapped: true } },
    photoUrls: { type: 'array', items: { type: 'string' } },
  },
};

describe('an XML body read as the object it encodes', () => {
  it('names, attributes, wrapped and unwrapped arrays, text typed by the schema', () => {
    const xml = `<?xml version="1.0"?>
      <animal id="7">
        <petName>Rex</petName>
        <vaccinated>true</vaccinated>
        <tags><tag>good</tag><tag>dog</tag></tags>
        <photoUrls>a.png</photoUrls>
        <photoUrls>b.png</photoUrls>
      </animal>`;
    assert.deepEqual(decodeXml(xml, PET), {
      value: { id: 7, name: 'Rex', vaccinated: true, tags: ['good', 'dog'], photoUrls: ['a.png', 'b.png'] },
    });
  });

  it('one item of an array is still an array; an empty wrapper an empty one', () => {
    assert.deepEqual(decodeXml('<animal><tags/><photoUrls>a.png</photoUrls></animal>', PET), {
      value: { tags: [], photoUrls: ['a.png'] },
    });
  });

  it('keeps elements the schema does not name, so additionalProperties can refuse them', () => {
    assert.deepEqual(decodeXml('<animal><petName>Rex</petName><owner>Bo</owner></animal>', PET), {
      value: { owner: 'Bo', name: 'Rex' },
    });
  });

  it('says where a document is not well-formed', () => {
    const decoded = decodeXml('<animal>\n<petName>Rex</animal>', PET);
    assert.ok('error' in decoded);
    assert.match(decoded.error, /closing tag 'petName'.*\(line 2\)$/);
  });

  it('knows the XML media types', () => {
    for (const type of ['application/xml', 'text/xml', 'application/atom+xml'])
      assert.ok(isXmlMediaType(type), type);
    for (const type of ['application/json', 'text/plain', undefined])
      assert.ok(!isXmlMediaType(type), String(type));
  });
});
