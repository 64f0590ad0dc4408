/**
 * Version 19: the derive replaces the touched clients' closed-funnel chains (`DELETE FROM
 * funnel_chains WHERE client_key IN ...`); without an index on the client, every derive read
 * funnel_chains whole (94 ms at 9M events, for a run that touched 17 sessions).
 */
export const funnelChainsClient = `
CREATE INDEX funnel_chains_client ON funnel_chains (client_key);
`;
