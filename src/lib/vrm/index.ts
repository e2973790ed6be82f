// VRM ("product at a price") requests as a pure library: the price a customer names and the catalog entries
// their words match. No database, no HTTP: the rfp module and its tests import this file only.

export { type CatalogEntry, type CatalogMatch, matchCatalog } from './catalog.matcher.ts';
export { type AskedPrice, parseAskedPrice, productWords } from './price-request.parser.ts';
