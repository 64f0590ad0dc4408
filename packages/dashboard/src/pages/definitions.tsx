/** What every number means; the README says the same. */
export const DEFINITIONS: [string, string][] = [
  [
    'Range',
    'From and To are inclusive days cut in the reporting time zone (CLICKTRAIL_TIME_ZONE, default UTC).',
  ],
  [
    'Users',
    'Distinct client_id with any event in the range (distinct over the whole range, never a sum of days).',
  ],
  [
    'New users',
    'Distinct client_id with a first_visit event in the range. Returning users = users − new users.',
  ],
  ['Sessions', 'Sessions (app, client, session id) whose first event falls in the range.'],
  [
    'Engaged session',
    'GA4’s rule: longer than 10 s (last event − first event), or 2+ page views, or a conversion (purchase, sign_up). Engagement rate = engaged / sessions; bounce rate = 1 − engagement rate.',
  ],
  [
    'Avg. session duration',
    'Mean of last event − first event over the sessions (a one-event session lasts 0 s).',
  ],
  ['Views per session', 'Page views of the sessions started in the range / those sessions.'],
  ['Events, page views', 'Events (and page_view events) in the range.'],
  [
    'Purchases',
    'One per transaction (transaction_id, else event_id), counted on the day of its first record: a reloaded confirmation page counts once.',
  ],
  [
    'Revenue',
    'Sum of each counted purchase’s value attribute (without one: its items’ prices × quantities); average order value = revenue / purchases.',
  ],
  ['Session conversion rate', 'Sessions started in the range with a purchase event / sessions.'],
  [
    'Funnel',
    'view_item → add_to_cart → begin_checkout → purchase, in clients. Closed: each step after the previous ones, in order, within the range. Open: every client who reached the step in the range.',
  ],
  [
    'Products',
    'view_item and add_to_cart events by product; from the items of counted purchases: purchases (transactions), units (quantity, else 1) and revenue ((discount price, else price) × quantity). Categories and brands over all their products.',
  ],
  [
    'Acquisition',
    'Sessions by their landing page (first page view): its referrer host ((direct) without one, (internal) from the same host) and its utm_source / utm_medium / utm_campaign.',
  ],
  ['Landing, exit pages', 'Sessions by the path of their first and last page view.'],
  [
    'Audience',
    'New vs returning users; sessions logged in (at any point) vs guest; users by identity source, browser and device class (a user with several agents counts in each).',
  ],
  [
    'Retention',
    'Clients by the week (from Monday) of their first first_visit in the range; each later week’s share of them with any event, up to the range’s end.',
  ],
  ['Live', 'Events received in the last 30 minutes, newest first (at most 200).'],
  [
    'Data health',
    'When the ETL last finished, objects its last run left in the raw store and the oldest one’s age, quarantined lines. Flagged when the last load is over 2 h old.',
  ],
];

export function Definitions() {
  return (
    <section class="card" id="definitions">
      <h2>Definitions</h2>
      <dl class="defs">
        {DEFINITIONS.map(([term, meaning]) => (
          <>
            <dt>{term}</dt>
            <dd>{meaning}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}
