// Listening as a pure library: importers that stream mentions out of other networks' export files, the topic
// query language, and the statistics behind spikes. No database, no HTTP; the listening module, the benchmarks
// and the scripts import this file only.

export {
  htmlToText,
  type ImportOptions,
  readMentions,
} from './importers/importers.ts';
export {
  compareStatusIds,
  type MastodonStatusResult,
  mastodonStatus,
  parseLinkHeader,
  statusIdOf,
} from './importers/mastodon-api.ts';
export {
  type ByteSource,
  type ColumnMapping,
  IMPORT_FORMATS,
  ImportFileError,
  type ImportFormat,
  type ImportItem,
  MAPPING_FIELDS,
  type RawMention,
} from './importers/mention.types.ts';
export { handlesOf, hashtagsOf, normalizeMention, storableText } from './importers/normalize.ts';
export {
  MAX_NEAR,
  MAX_QUERY_LENGTH,
  MENTION_SOURCES,
  parseQuery,
  QUERY_FIELDS,
  type QueryNode,
  QuerySyntaxError,
  SENTIMENTS,
} from './query/query.parser.ts';
export {
  binomialUpperTail,
  DEFAULT_SPIKE_OPTIONS,
  detectSpikes,
  HOURS_PER_WEEK,
  type Spike,
  type SpikeOptions,
  seasonalBaseline,
} from './spikes/detect.ts';
export { type Overrepresented, overrepresented } from './spikes/explain.ts';
