/**
 * Demo votes of 第五届第三次 (closed): a roll-call resolution that passed and became a decided
 * item, and a secret ballot (民主评议) whose voters and ballots sit in their separate tables;
 * and a resolution on the agenda of the planned fourth session, for the office to open and the
 * `rep` account to vote on once the session sits. Bulk inserts; the ballots get random ids.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import type { Rng } from '../../core/random.js';
import { writeCallIn } from '../../core/call.js';
import { systemContext } from '../../core/context.js';
import { loadGrants } from '../../core/auth/auth.repository.js';
import { createDecidedItem } from '../../core/decidedItems/index.js';
import { addDays } from '../../core/calendar/calendar.js';
import { votePasses, type VoteChoice } from '../../../common/congress.js';
import { cdb, type CongressVoteTable } from './congress.tables.js';

interface Held {
  id: string;
  name: string;
  startsOn: string;
  /** Representatives present, the `rep` account's first. */
  present: string[];
}

const VOTES: { title: string; kind: string; secret: boolean; split: [number, number] }[] = [
  { title: '关于《职工劳动保护专项资金使用办法》的决议', kind: 'resolution', secret: false, split: [0.85, 0.08] },
  { title: '民主评议矿领导班子及成员', kind: 'appraisal', secret: true, split: [0.8, 0.12] },
];

export async function seedVotes(
  tx: Tx,
  now: Date,
  rng: Rng,
  held: Held,
  planned: { id: string },
  org: { id: string; representatives: number },
  chairAccountId: string,
) {
  const representatives = org.representatives;
  const c = cdb(tx);
  const at = `${held.startsOn}T03:00:00.000Z`;
  const base = (id: string, sessionId: string, v: { title: string; kind: string; secret: boolean }): CongressVoteTable => ({
    id,
    session_id: sessionId,
    title: v.title,
    kind: v.kind,
    secret: v.secret ? 1 : 0,
    description: null,
    status: 'planned',
    subject_kind: null,
    subject_id: null,
    subject_label: null,
    department_id: null,
    opened_at: null,
    closed_at: null,
    representatives: null,
    present: null,
    voted: null,
    for_count: null,
    against_count: null,
    abstain_count: null,
    passed: null,
    created_at: at,
    updated_at: at,
  });
  const grants = await loadGrants(tx, chairAccountId);
  const call = writeCallIn(tx, tx, { accountId: chairAccountId, displayName: '工会主席', personId: null, grants, via: 'session' }, systemContext(), now);

  for (const v of VOTES) {
    const id = newId();
    // Everyone present votes but one; choices by the split, the rest abstain.
    const voters = held.present.slice(0, held.present.length - 1);
    const choices: VoteChoice[] = voters.map(() => {
      const x = rng.next();
      return x < v.split[0] ? 'for' : x < v.split[0] + v.split[1] ? 'against' : 'abstain';
    });
    const n = (ch: VoteChoice) => choices.filter((x) => x === ch).length;
    const passed = votePasses(n('for'), representatives);
    await c
      .insertInto('congress_votes')
      .values({
        ...base(id, held.id, v),
        status: 'closed',
        opened_at: at,
        closed_at: `${held.startsOn}T03:20:00.000Z`,
        representatives,
        present: held.present.length,
        voted: voters.length,
        for_count: n('for'),
        against_count: n('against'),
        abstain_count: n('abstain'),
        passed: passed ? 1 : 0,
      })
      .execute();
    await c
      .insertInto('congress_ballot_voters')
      .values(voters.map((r) => ({ vote_id: id, representative_id: r })))
      .execute();
    const ballots = choices.map((choice) => ({ vote_id: id, id: randomUUID(), choice, receipt_hash: null }));
    await c
      .insertInto('congress_ballots')
      .values(ballots.sort((a, b) => a.id.localeCompare(b.id)))
      .execute();
    if (!v.secret)
      await c
        .insertInto('congress_open_choices')
        .values(voters.map((r, i) => ({ vote_id: id, representative_id: r, choice: choices[i] })))
        .execute();
    if (passed && v.kind === 'resolution') {
      await createDecidedItem(call, {
        source: { kind: 'congress.resolution', id, label: `${held.name} · ${v.title}`, public: true },
        title: `落实职代会决议：${v.title}`,
        orgId: org.id,
        ownerAccountId: chairAccountId,
        dueDate: addDays(held.startsOn, 60),
      });
    }
  }
  await c
    .insertInto('congress_votes')
    .values(base(newId(), planned.id, { title: '关于2027年职工福利费使用方案的决议', kind: 'resolution', secret: false }))
    .execute();
}
