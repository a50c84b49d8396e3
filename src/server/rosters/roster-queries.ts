import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createPersonalCode } from '../../domain/roster';
import type { AppDatabase } from '../db/database';

export interface RosterEntry {
  id: string;
  name: string;
  /** `studentNameKey(name)`: what this student's attempts carry as their `student_key`. */
  studentKey: string;
  personalCode: string;
  /** Hex; the tokens of this student's attempts are derived from it (see assignments/join-routes.ts). */
  tokenSecret: string;
}

export interface Roster {
  /** Whether only students on the list may join, each with their personal code. */
  requireRoster: boolean;
  /** In the order the teacher pasted them. */
  entries: RosterEntry[];
}

/** An assignment's class list; undefined when the teacher has not pasted one. */
export async function getRoster(
  db: AppDatabase,
  assignmentId: string,
): Promise<Roster | undefined> {
  const roster = await db
    .selectFrom('rosters')
    .select('require_roster')
    .where('assignment_id', '=', assignmentId)
    .executeTakeFirst();
  if (!roster) return undefined;
  const rows = await db
    .selectFrom('roster_entries')
    .select(['id', 'name', 'student_key', 'personal_code', 'token_secret'])
    .where('assignment_id', '=', assignmentId)
    .orderBy('position')
    .execute();
  return {
    requireRoster: roster.require_roster === 1,
    entries: rows.map((row) => ({
      id: row.id,
      name: row.name,
      studentKey: row.student_key,
      personalCode: row.personal_code,
      tokenSecret: row.token_secret,
    })),
  };
}

/**
 * Stores the class list as pasted. A student already on the list (same key) keeps their personal
 * code, so printed codes stay valid when the teacher adds a latecomer; new students get new codes,
 * and students no longer listed lose theirs.
 */
export async function saveRoster(
  db: AppDatabase,
  assignmentId: string,
  {
    names,
    requireRoster,
    now,
    randomIndex,
  }: {
    names: { name: string; key: string }[];
    requireRoster: boolean;
    now: Date;
    randomIndex: (exclusiveMax: number) => number;
  },
): Promise<void> {
  const updatedAt = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('rosters')
      .values({
        assignment_id: assignmentId,
        require_roster: requireRoster ? 1 : 0,
        updated_at: updatedAt,
      })
      .onConflict((conflict) =>
        conflict
          .column('assignment_id')
          .doUpdateSet({ require_roster: requireRoster ? 1 : 0, updated_at: updatedAt }),
      )
      .execute();
    const kept = new Map(
      (
        await trx
          .selectFrom('roster_entries')
          .selectAll()
          .where('assignment_id', '=', assignmentId)
          .execute()
      ).map((row) => [row.student_key, row]),
    );
    await trx.deleteFrom('roster_entries').where('assignment_id', '=', assignmentId).execute();
    const usedCodes = new Set([...kept.values()].map((row) => row.personal_code));
    const newCode = () => {
      let code = createPersonalCode(randomIndex);
      // 31^8 codes against a class: a repeat is astronomically rare, but must not be a clash.
      while (usedCodes.has(code)) code = createPersonalCode(randomIndex);
      usedCodes.add(code);
      return code;
    };
    if (names.length === 0) return;
    await trx
      .insertInto('roster_entries')
      .values(
        names.map(({ name, key }, position) => {
          const previous = kept.get(key);
          return {
            id: previous?.id ?? randomUUID(),
            assignment_id: assignmentId,
            position,
            name,
            student_key: key,
            personal_code: previous?.personal_code ?? newCode(),
            token_secret: previous?.token_secret ?? randomBytes(32).toString('hex'),
            created_at: previous?.created_at ?? updatedAt,
          };
        }),
      )
      .execute();
  });
}

/** Removes the class list: anyone may join by name again. */
export async function deleteRoster(db: AppDatabase, assignmentId: string): Promise<void> {
  await db.deleteFrom('rosters').where('assignment_id', '=', assignmentId).execute();
}

/**
 * The student whose personal code this is, comparing with every code of the list in constant
 * time, so response times do not reveal how much of a guessed code was right.
 */
export function findEntryByCode(roster: Roster, code: string): RosterEntry | undefined {
  const presented = Buffer.from(code);
  let found: RosterEntry | undefined;
  for (const entry of roster.entries) {
    const stored = Buffer.from(entry.personalCode);
    if (stored.length === presented.length && timingSafeEqual(stored, presented)) found = entry;
  }
  return found;
}
