// @snowplow/browser-tracker, core only (no plugins): import, init, track one event.
import { newTracker, trackStructEvent } from '@snowplow/browser-tracker';

newTracker('sp', 'https://collect.example.com', { appId: 'shop' });
trackStructEvent({ category: 'shop', action: 'add_to_cart' });
