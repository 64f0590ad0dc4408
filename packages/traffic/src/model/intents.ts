/** Why a visitor came this time; drawn per session, and it shapes what they do. */
export type Intent = 'bounce' | 'browse' | 'search' | 'buy' | 'abandon';

export const INTENT_WEIGHTS: Readonly<Record<Intent, number>> = {
  bounce: 12,
  browse: 33,
  search: 18,
  buy: 17,
  abandon: 20,
};

/** How likely a visitor comes back after a session with this intent. */
export const RETURN_CHANCE: Readonly<Record<Intent, number>> = {
  bounce: 0.15,
  browse: 0.4,
  search: 0.4,
  buy: 0.3,
  // Abandoned carts are the visitors who most often come back later to buy.
  abandon: 0.6,
};

/** A visitor who comes back after an abandoned cart is likelier to buy. */
export const AFTER_ABANDON_WEIGHTS: Readonly<Record<Intent, number>> = {
  bounce: 5,
  browse: 15,
  search: 10,
  buy: 55,
  abandon: 15,
};

export const SEARCH_TERMS = ['mug', 'jacket', 'lamp', 'gift', 'kettle', 'tent', 'notebook', 'sale'];
