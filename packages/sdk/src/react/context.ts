import { createContext } from 'react';
import { type ClickstreamClient, disabledClient } from '../api.js';

/** The client of the nearest ClickstreamProvider; outside one, a client that records nothing. */
export const ClickstreamContext = createContext<ClickstreamClient>(disabledClient());
