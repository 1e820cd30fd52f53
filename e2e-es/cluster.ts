/** What the fake cluster of the Elasticsearch e2e run reports about itself (GET /). */
export const E2E_ES_CLUSTER_NAME = 'huntboard-e2e-cluster';
export const E2E_ES_VERSION = process.env.FAKE_ES_VERSION || '9.1.0';
