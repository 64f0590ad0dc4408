/**
 * Version 17 (the dashboard's range): user agents are classified once, by the derive (in JS,
 * with bowser), into a browser name and a device class kept beside their key; users per
 * browser and per device are then `daily_client_values` dimensions like the identity
 * source, counted per day by `daily_first_counts`, instead of a distinct count over every
 * (client, agent) pair of the range at read time. `daily_client_agents` served that count.
 */
export const agentClasses = `
ALTER TABLE agent_keys ADD COLUMN browser text, ADD COLUMN device text;
DROP TABLE daily_client_agents;
`;
