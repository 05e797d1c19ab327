/**
 * The server API: every `google.script.run` endpoint, with what it takes and what it answers.
 * This is the one place an endpoint is declared. The server's exports are checked against it
 * (server/main.ts, server/contract.ts) and the sidebar's caller is derived from it (sidebar/api.ts),
 * so adding an endpoint is: declare it here, export it from server/endpoints.ts; the typecheck
 * names whatever is missing. Arguments and results cross the bridge as copies (no Date, no function: dates are
 * 'YYYY-MM-DD' strings).
 */
import type {
  CadenceIdsRequest,
  CancelPlanRequest,
  PlanAbsenceRequest,
  ClientSummaryRequest,
  CorrectionRequest,
  Entry,
  EntryChangeResult,
  LinkHistoryRequest,
  PracticeReportRequest,
  ReportResult,
  RosterTabChoice,
  SaveSessionRequest,
  SaveSessionResult,
  SessionCorrectionRequest,
  Settings,
  SidebarData,
  WithdrawalRequest,
} from './types';

export interface CadenceApi {
  /** Everything the sidebar paints from. */
  getSidebarData(): SidebarData;
  /** One session's marks appended to the record, once per requestId. */
  saveSession(request: SaveSessionRequest): SaveSessionResult;
  /**
   * One client's entries (by client ID), newest first, superseded ones included: `limit` of them
   * (default HISTORY_LENGTH) after the first `offset`, so the sidebar pages back through all.
   */
  getClientHistory(clientId: string, offset?: number, limit?: number): Entry[];
  /** Replaces an entry by a superseding row. */
  correctEntry(request: CorrectionRequest): EntryChangeResult;
  /**
   * Corrects a recorded session in one request: a superseding row for each entry whose marks
   * changed, none for the others; answers like saveSession, with fresh sidebar data.
   */
  correctSession(request: SessionCorrectionRequest): SaveSessionResult;
  /** Withdraws an entry that should not have been recorded. */
  withdrawEntry(request: WithdrawalRequest): EntryChangeResult;
  /** Marks an entry's follow-up done (by entry ID). */
  completeFollowUp(entryId: string): EntryChangeResult;
  /** Stores a change to the settings and answers fresh sidebar data. */
  saveSettings(patch: Partial<Settings>): SidebarData;
  /** Adds a Roster tab with Cadence's headers and answers fresh sidebar data. */
  createRoster(): SidebarData;
  /** Every tab's first rows, for Settings to choose the roster tab, heading row and columns. */
  getRosterTabs(): RosterTabChoice[];
  /** Adds the "Cadence ID" column the user asked for, links the history to the new IDs, answers fresh data. */
  addCadenceIds(request: CadenceIdsRequest): SidebarData;
  /** Links the sessions recorded under a name no longer on the roster to a roster client. */
  linkClientHistory(request: LinkHistoryRequest): SidebarData;
  /** Enters a client's absence planned ahead (a row of the record, never counted); answers fresh data. */
  planAbsence(request: PlanAbsenceRequest): SidebarData;
  /** Calls a planned absence off (a new row naming it); answers fresh data. */
  cancelPlannedAbsence(request: CancelPlanRequest): SidebarData;
  /** Makes or repairs the Quick entry tab for recording from the Sheets mobile apps, and shows it. */
  setUpQuickEntry(): { sheetName: string };
  /** Rewrites the tagged Client summary tab for one client and period, with its chart, and shows it. */
  buildClientSummary(request: ClientSummaryRequest): ReportResult;
  /** Rewrites the tagged Practice report tab for a period (one group or all), with a chart per group. */
  buildPracticeReport(request: PracticeReportRequest): ReportResult;
}

export type Endpoint = keyof CadenceApi;
