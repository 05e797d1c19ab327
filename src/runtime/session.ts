/** Session: the active user's email, the script's time zone, a stable per-user temporary key. */
import { createHash } from 'node:crypto';
import type { Execution } from './execution';
import { serviceObject } from './service';

/**
 * The user's email is blank outside a FULL execution: "not available in any context that allows a
 * script to run without that user's authorization, like a simple onOpen(e) or onEdit(e) trigger"
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()). A FULL
 * execution may be blank too, when the domain's policy withholds it (EnvironmentOptions.user '').
 */
function userObject(exec: Execution, email: string): GoogleAppsScript.Base.User {
  const impl: Pick<GoogleAppsScript.Base.User, 'getEmail'> = {
    getEmail: () => (exec.authMode === 'FULL' ? email : ''),
  };
  return serviceObject(exec, 'User', impl);
}

export function sessionObject(exec: Execution): GoogleAppsScript.Base.Session {
  const { user, scriptTimeZone } = exec.world.settings;
  const impl: Pick<
    GoogleAppsScript.Base.Session,
    'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey' | 'getActiveUserLocale'
  > = {
    getActiveUser: () => userObject(exec, user),
    getEffectiveUser: () => userObject(exec, user),
    getScriptTimeZone: () => scriptTimeZone,
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`offline-runtime:${user}`).digest('base64').slice(0, 43),
    getActiveUserLocale: () => 'en',
  };
  return serviceObject(exec, 'Session', impl);
}
