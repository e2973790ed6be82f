/**
 * Database functions kept as source files beside the code that calls them, re-created (CREATE OR REPLACE) after
 * the versioned migrations on every migrate, in this order: the platform's first, then the modules'. Each file
 * holds one CREATE OR REPLACE FUNCTION statement. A change of a function's arguments or result type needs a
 * versioned migration that drops the old function first; a change of its body is a diff of its file.
 */
export const functionSources: readonly { name: string; file: URL }[] = [
  { name: 'platform_emit_events', file: new URL('../events/emit-events.function.sql', import.meta.url) },
  {
    name: 'commerce_place_orders',
    file: new URL('../../modules/commerce/place-orders.function.sql', import.meta.url),
  },
];
