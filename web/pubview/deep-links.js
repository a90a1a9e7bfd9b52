// Deep links: each widget keeps its view in the URL hash under its own name,
// e.g. #pv1:q=dynamo&kind=publication&open=amazon-dynamodb-2022;pv2:q=seattle

const FACETS = ['year', 'venue', 'author', 'tag', 'country', 'city', 'team', 'type'];

export function readHash() {
  const parts = new Map();
  // URLSearchParams encodes ';' and ':' inside values, so they only ever separate.
  for (const part of location.hash.slice(1).split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) parts.set(part.slice(0, colon), new URLSearchParams(part.slice(colon + 1)));
  }
  return parts;
}

export function hashWith(name, params) {
  const parts = readHash();
  if (params.toString()) parts.set(name, params);
  else parts.delete(name);
  const text = Array.from(parts, ([key, value]) => key + ':' + value.toString()).join(';');
  return text ? '#' + text : '';
}

export function stateToParams(state, openId) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.kind) params.set('kind', state.kind);
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  for (const facet of FACETS) for (const value of (state.filters && state.filters[facet]) || []) params.append(facet, value);
  if (state.closed) params.set('closed', '1');
  const open = openId !== undefined ? openId : state.open;
  if (open) params.set('open', open);
  return params;
}

export function paramsToState(params) {
  const filters = {};
  for (const facet of FACETS) if (params.getAll(facet).length) filters[facet] = params.getAll(facet);
  return {
    q: params.get('q') || '',
    kind: params.get('kind') === 'job' || params.get('kind') === 'publication' ? params.get('kind') : null,
    sort: params.get('sort') || 'relevance',
    filters,
    open: params.get('open') || '',
    closed: params.get('closed') === '1',
  };
}
