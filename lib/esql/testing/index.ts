/**
 * Fixtures for the tests of the layers above lib/esql (engine, hunts, fuzz): the seed hunt's
 * queries and resolvers over ECS network events. Kept apart from ../index so that no
 * production module reaches them.
 */
export { SEED_ALL_USERS, SEED_ROOT_ONLY } from './seed-queries';
export { columnsBeforeLastStats, ECS_NETWORK_FIELDS, networkResolver, parsed, parsedTree, roundTrip } from './hunt-queries';
export { NETWORK_FIELDS, resolver } from './network-index';
export { evalLines, MUTATION_TOKENS, nestedCalls, nestedParens, orChain, pipes, VALID_QUERIES } from './corpus';
