/** What the page holds between server calls: the data painted from, and the session form. */
import type { SidebarData } from '../core/types';
import { emptyMarks, type Marks } from './marks';
import { newRequestId } from './requestId';

/** The group select's choice: a group's name, every client one by one, or nothing yet. */
export type SessionScope = { kind: 'group'; group: string } | { kind: 'individual' } | { kind: 'none' };

export interface SessionForm {
  date: string;
  scope: SessionScope;
  /** Clients picked one by one (individual sessions). */
  picked: Set<string>;
  filter: string;
  /** Marks by client id; kept when the group changes, so switching back loses nothing. */
  marks: Map<string, Marks>;
  /** One id per form content until a save succeeds, so a retry or double click is stored once. */
  requestId: string;
  /**
   * The last save that failed or went unanswered, and what it sent (without its id): Save again
   * with the same content reuses its id; changed content gets a new id naming it as `retryOf`.
   */
  failed: { requestId: string; content: string } | null;
  saving: boolean;
  /** The date and scope (sessionKey) the therapist chose to record a second time that day on purpose. */
  secondSession: string | null;
  /** Marks the form filled from a planned absence, by client id: cleared if the date moves off it untouched. */
  planned: Map<string, Marks>;
}

export interface AppState {
  data: SidebarData | null;
  form: SessionForm;
  /** A correction or settings change happened: the record view repaints from fresh data. */
  stale: boolean;
}

export function newForm(today: string): SessionForm {
  return {
    date: today,
    scope: { kind: 'none' },
    picked: new Set(),
    filter: '',
    marks: new Map(),
    requestId: newRequestId(),
    failed: null,
    saving: false,
    secondSession: null,
    planned: new Map(),
  };
}

export function marksOf(form: SessionForm, clientId: string): Marks {
  return form.marks.get(clientId) ?? emptyMarks();
}

export const state: AppState = { data: null, form: newForm(''), stale: false };
