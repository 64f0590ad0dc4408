import { nanoid } from 'nanoid';
import type { LocalState } from './local-state.js';
import type { User } from './options.js';
import type { LoginState } from './schema/event.js';

export interface UserFields {
  user_id: string | null;
  user_login_state: LoginState;
  identity_source: string | null;
}

export interface Identity {
  clientId: string;
  /** True when this browser had no client id yet: the SDK records `first_visit`. */
  isNew: boolean;
  user(): UserFields;
  setUser(user: User): void;
  clearUser(): void;
}

const ANONYMOUS: UserFields = {
  user_id: null,
  user_login_state: 'logged_out',
  identity_source: null,
};

/** The persistent anonymous client id and the logged-in user, shared by all tabs. */
export function createIdentity(state: LocalState): Identity {
  let clientId = state.get<string>('cid');
  const isNew = typeof clientId !== 'string';
  if (isNew) {
    clientId = nanoid();
    state.set('cid', clientId);
  }
  return {
    clientId: clientId as string,
    isNew,
    user: () => state.get<UserFields>('user') ?? ANONYMOUS,
    setUser: ({ userId, loginState = 'logged_in', identitySource = null }) =>
      state.set('user', {
        user_id: userId,
        user_login_state: loginState,
        identity_source: identitySource,
      }),
    clearUser: () => state.remove('user'),
  };
}
