import type { OpenAPIObject } from '@nestjs/swagger';
import { describeValidation } from './validation-in-openapi';

const document = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things': {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } } },
        responses: { '201': { description: 'made' } },
      },
      get: { responses: { '200': { description: 'all' } } },
    },
    '/things/{id}': {
      get: { parameters: [{ name: 'id', in: 'path', required: true }], responses: { '400': { description: 'own words' } } },
    },
    '/parts/{name}/{id}': {
      get: {
        parameters: [
          { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: {},
      },
    },
  },
  components: {
    schemas: {
      NewThing: { type: 'object', properties: { parts: { type: 'array', items: { $ref: '#/components/schemas/Part' } } } },
      Part: { type: 'object', properties: { name: { type: 'string' } } },
      ThingView: { type: 'object', properties: { id: { type: 'string' } } },
    },
  },
});

describe('describeValidation', () => {
  it('closes every schema a request body reaches, and only those', () => {
    const { components } = describeValidation(document());
    expect(components!.schemas!.NewThing).toMatchObject({ additionalProperties: false });
    expect(components!.schemas!.Part).toMatchObject({ additionalProperties: false });
    expect(components!.schemas!.ThingView).not.toHaveProperty('additionalProperties');
  });

  it('documents 400 on operations that take input, keeping a description already given', () => {
    const { paths } = describeValidation(document());
    expect(paths['/things'].post!.responses['400']).toBeDefined();
    expect(paths['/things'].get!.responses['400']).toBeUndefined();
    expect(paths['/things/{id}'].get!.responses['400']).toEqual({ description: 'own words' });
  });

  it('says that string path parameters carry no control characters (they get 400 before routing)', () => {
    const [name, id, query] = describeValidation(document()).paths['/parts/{name}/{id}'].get!.parameters as unknown as { schema: Record<string, unknown> }[];
    expect(name.schema.pattern).toBe('^[^\\u0000-\\u001f\\u007f]*$');
    expect(new RegExp(name.schema.pattern as string).test('a\u0000b')).toBe(false);
    expect(id.schema).toEqual({ type: 'string', format: 'uuid' });
    expect(query.schema).toEqual({ type: 'string' });
  });
});
