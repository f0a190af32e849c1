/**
 * The ballot box. A cast writes two rows that share nothing but the vote: who voted
 * (congress_ballot_voters: vote, representative) and what was chosen (congress_ballots: vote, a
 * random v4 id, the choice, and for a secret ballot the hash of a receipt code only the voter
 * holds). Neither row has a time; on SQLite neither table has a rowid, so storage order is the
 * key's, not the cast's. At close the vote's ballots are rewritten in random order, so on
 * PostgreSQL too their physical order and transaction ids say nothing about when each was cast.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { VoteChoice } from '../../../common/congress.js';
import type { Db, Tx } from '../../core/db/database.js';
import { cdb } from './congress.tables.js';

// No 0/O, 1/I/L: a code read aloud or copied by hand stays unambiguous.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function receiptCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** Binds the code to the vote and the choice: the code alone does not reveal the choice to the server. */
const receiptHash = (voteId: string, code: string, choice: VoteChoice) =>
  createHash('sha256')
    .update(`${voteId}\n${code.toUpperCase().replace(/\s/g, '')}\n${choice}`)
    .digest('hex');

/**
 * Records that the representative voted and what they chose. Returns false when they had
 * already voted (the key refuses the second row, even from a concurrent twin).
 */
export async function castBallot(
  tx: Tx,
  voteId: string,
  representativeId: string,
  choice: VoteChoice,
  secret: boolean,
): Promise<{ cast: boolean; receipt: string | null }> {
  const res = await cdb(tx)
    .insertInto('congress_ballot_voters')
    .values({ vote_id: voteId, representative_id: representativeId })
    .onConflict((oc) => oc.columns(['vote_id', 'representative_id']).doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return { cast: false, receipt: null };
  const receipt = secret ? receiptCode() : null;
  await cdb(tx)
    .insertInto('congress_ballots')
    .values({ vote_id: voteId, id: randomUUID(), choice, receipt_hash: receipt ? receiptHash(voteId, receipt, choice) : null })
    .execute();
  if (!secret) await cdb(tx).insertInto('congress_open_choices').values({ vote_id: voteId, representative_id: representativeId, choice }).execute();
  return { cast: true, receipt };
}

/** Whether a ballot with this receipt and choice is in the vote's box. */
export async function receiptCounted(db: Db | Tx, voteId: string, code: string, choice: VoteChoice): Promise<boolean> {
  const row = await cdb(db)
    .selectFrom('congress_ballots')
    .select('id')
    .where('vote_id', '=', voteId)
    .where('receipt_hash', '=', receiptHash(voteId, code, choice))
    .executeTakeFirst();
  return !!row;
}

export async function tally(db: Db | Tx, voteId: string) {
  const rows = await cdb(db)
    .selectFrom('congress_ballots')
    .select(['choice', (eb) => eb.fn.countAll<number>().as('n')])
    .where('vote_id', '=', voteId)
    .groupBy('choice')
    .execute();
  const n = (c: VoteChoice) => Number(rows.find((r) => r.choice === c)?.n ?? 0);
  const voters = await cdb(db)
    .selectFrom('congress_ballot_voters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  return { for: n('for'), against: n('against'), abstain: n('abstain'), voted: Number(voters.n) };
}

/** At close: the vote's ballots rewritten in a random order, in the closing transaction. */
export async function shuffleBallots(tx: Tx, voteId: string) {
  const rows = await cdb(tx).selectFrom('congress_ballots').selectAll().where('vote_id', '=', voteId).execute();
  for (let i = rows.length - 1; i > 0; i--) {
    const j = randomBytes(4).readUInt32BE(0) % (i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  await cdb(tx).deleteFrom('congress_ballots').where('vote_id', '=', voteId).execute();
  for (let i = 0; i < rows.length; i += 500)
    await cdb(tx)
      .insertInto('congress_ballots')
      .values(rows.slice(i, i + 500))
      .execute();
}
