import type { Me } from '../../app/auth.tsx';

const SKIPPED = 'pobratim.setupSkipped';

/** Whether this administrator put the first start's setup off in this browser («Пропустить»). */
export function setupSkipped(me: Me): boolean {
  return localStorage.getItem(`${SKIPPED}.${me.id}`) === '1';
}

/** Remembers that the setup was put off (or finished), so the home page no longer leads to it. */
export function skipSetup(me: Me): void {
  localStorage.setItem(`${SKIPPED}.${me.id}`, '1');
}

/** Whether the user is an administrator of the installation. */
export function isAdministrator(me: Me): boolean {
  return me.roles.some((grant) => grant.role === 'admin');
}
