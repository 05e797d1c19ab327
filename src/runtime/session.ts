/** Session: the active user's email, the script's time zone, a stable per-user temporary key. */
import { createHash } from 'node:crypto';
import type { Execution } from './execution';
import { serviceObject } from './service';

function userObject(exec: Execution, email: string): GoogleAppsScript.Base.User {
  const impl: Pick<GoogleAppsScript.Base.User, 'getEmail'> = { getEmail: () => email };
  return serviceObject(exec, 'User', impl);
}

export function sessionObject(exec: Execution): GoogleAppsScript.Base.Session {
  const { user, scriptTimeZone } = exec.world.settings;
  const impl: Pick<GoogleAppsScript.Base.Session,
    'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey' | 'getActiveUserLocale'> = {
    getActiveUser: () => userObject(exec, user),
    getEffectiveUser: () => userObject(exec, user),
    getScriptTimeZone: () => scriptTimeZone,
    getTemporaryActiveUserKey: () => createHash('sha256').update(`offline-runtime:${user}`).digest('base64').slice(0, 43),
    getActiveUserLocale: () => 'en',
  };
  return serviceObject(exec, 'Session', impl);
}
