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
});
