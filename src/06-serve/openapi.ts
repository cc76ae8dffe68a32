/** The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. */
const str = { type: 'string' };
const filterParams = [
  ['doc', 'document id'],
  ['actor', 'actor name, ISO alpha-3 country or organisation acronym (source, target, parties or speaker)'],
  ['country', 'ISO alpha-3 country code'],
  ['dyad', 'country pair, either direction, e.g. RUS-USA'],
  ['cameo', 'CAMEO event code, e.g. 042'],
  ['root', 'CAMEO root code, e.g. 04'],
  ['plover', 'PLOVER event type, e.g. CONSULT'],
  ['topic', 'topic, e.g. Syria'],
  ['status', 'meeting status (held, planned) or agreement status (reached, signed, planned, proposed, referenced)'],
  ['from', 'earliest date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive'],
  ['to', 'latest date, inclusive'],
  ['place', 'place name'],
  [
    'q',
    'words of the sentences holding the evidence (search syntax: words, "phrases", prefix*, OR, -word; stemmed); for entities, turns and documents a substring of the name, speaker label or title',
  ],
].map(([name, description]) => ({ name, in: 'query', required: false, description, schema: str }));
const pageParams = [
  {
    name: 'limit',
    in: 'query',
    description: 'page size (default 50, at most 1000)',
    schema: { type: 'integer', minimum: 0, maximum: 1000 },
  },
  { name: 'offset', in: 'query', description: 'rows to skip', schema: { type: 'integer', minimum: 0 } },
  { name: 'sort', in: 'query', description: 'field to sort by (e.g. date)', schema: str },
  { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
];
const error = {
  description: 'error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const list = (description: string) => ({
  description,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { total: { type: 'integer' }, rows: { type: 'array', items: { type: 'object' } } },
      },
    },
  },
});

export function openapi(ingest: boolean) {
  const kinds = ['turns', 'entities', 'events', 'meetings', 'agreements', 'quotes'];
  const paths: Record<string, unknown> = {
    '/api/stats': { get: { summary: 'record counts by kind', responses: { 200: { description: 'counts' } } } },
    '/api/documents': {
      get: {
        summary: 'documents with per-kind counts',
        parameters: [...filterParams.filter((p) => ['q', 'from', 'to'].includes(p.name)), ...pageParams],
        responses: { 200: list('documents'), 400: error },
      },
    },
    '/api/documents/{id}': {
      get: {
        summary: 'one document: record, text, sentence spans',
        parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
        responses: { 200: { description: 'document' }, 404: error },
      },
    },
    '/api/documents/{id}/records': {
      get: {
        summary: 'all records of one document, by kind',
        parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
        responses: { 200: { description: 'records' }, 404: error },
      },
    },
    '/api/search': {
      get: {
        summary: 'full-text search over sentences',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: str },
          ...filterParams.filter((p) => ['doc', 'from', 'to'].includes(p.name)),
          ...pageParams.slice(0, 2),
        ],
        responses: { 200: list('sentence hits with document title and date'), 400: error },
      },
    },
    '/api/aggregates/events-by-month': {
      get: {
        summary: 'events per month per dyad with mean Goldstein',
        parameters: filterParams,
        responses: { 200: { description: 'rows' }, 400: error },
      },
    },
    '/api/aggregates/meetings-by-pair': {
      get: {
        summary: 'meetings per country pair',
        parameters: filterParams,
        responses: { 200: { description: 'rows' }, 400: error },
      },
    },
    '/api/aggregates/top-actors': {
      get: {
        summary: 'most frequent actors',
        parameters: [
          ...filterParams,
          { name: 'kind', in: 'query', schema: str },
          { name: 'by', in: 'query', schema: { type: 'string', enum: ['name', 'country'] } },
          pageParams[0],
        ],
        responses: { 200: { description: 'rows' }, 400: error },
      },
    },
    '/api/topics': {
      get: {
        summary: 'topics with event, meeting and agreement counts',
        parameters: filterParams,
        responses: { 200: { description: 'rows' } },
      },
    },
    '/api/map': {
      get: {
        summary: 'projected world shapes and the places of meetings and events',
        parameters: filterParams,
        responses: { 200: { description: 'map' } },
      },
    },
  };
  for (const k of kinds)
    paths[`/api/${k}`] = {
      get: {
        summary: `${k} with filters, sorting and paging`,
        parameters: [...filterParams, ...pageParams],
        responses: { 200: list(k), 400: error },
      },
    };
  if (ingest) {
    paths['/api/ingest'] = {
      post: {
        summary: 'process and store documents (enabled with --allow-ingest; bearer token)',
        security: [{ bearer: [] }],
        requestBody: { content: { 'application/json': { schema: { type: 'object' } }, 'text/plain': { schema: str } } },
        responses: { 200: { description: 'per-document results' }, 400: error, 401: error, 413: error, 415: error },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Readout API',
      version: '0.1.0',
      description:
        'Structured, source-linked records of international interaction extracted from diplomatic texts. Every record links to its document and evidence offsets.',
    },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          properties: { error: { type: 'object', properties: { status: { type: 'integer' }, message: str } } },
        },
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
