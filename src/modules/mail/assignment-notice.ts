import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { letterHtml, letterText, type LetterOutline } from './letter-html.ts';
import { mailConfigured, sendLetter, type Letter } from './mail-server.ts';
import { WORDS, formatMailDate, mailLanguage } from './mail-words.ts';

/** The letter that tells a user a plan item was assigned to them, in their language; null if none is due. */
export async function assignmentLetter(
  db: Kysely<Database>,
  planItemId: number,
  assignerUserId: number | null,
): Promise<Letter | null> {
  const item = await db
    .selectFrom('plan_item')
    .innerJoin('agreement', 'agreement.id', 'plan_item.agreement_id')
    .innerJoin('app_user', 'app_user.id', 'plan_item.assignee_user_id')
    .select([
      'plan_item.title',
      'plan_item.due_on',
      'plan_item.agreement_id',
      'agreement.title as agreement',
      'app_user.email',
      'app_user.locale',
      'app_user.disabled',
    ])
    .where('plan_item.id', '=', planItemId)
    .executeTakeFirst();
  if (!item || item.disabled) return null;
  const assigner =
    assignerUserId === null
      ? undefined
      : await db
          .selectFrom('app_user')
          .select('display_name')
          .where('id', '=', assignerUserId)
          .executeTakeFirst();
  const { site_url: siteUrl } = await db
    .selectFrom('mail_server')
    .select('site_url')
    .executeTakeFirstOrThrow();
  const language = mailLanguage(item.locale);
  const words = WORDS[language];
  const url = siteUrl === null ? null : `${siteUrl}/agreements/${item.agreement_id}`;
  const outline: LetterOutline = {
    intro: words.assignedIntro(assigner?.display_name ?? 'Pobratim'),
    sections: [
      {
        heading: item.title,
        items: [
          { text: `${words.agreement}: «${item.agreement}»`, url },
          { text: `${words.due}: ${item.due_on ? formatMailDate(item.due_on, language) : words.noDue}` },
        ],
      },
    ],
    footer: [{ text: words.open, url }, { text: words.footer }],
  };
  return {
    to: item.email,
    subject: words.assignedSubject(item.title),
    text: letterText(outline),
    html: letterHtml(outline, language),
  };
}

/**
 * Tells the new assignee of a plan item by mail, after the change is stored and without holding up
 * the answer: a slow or unreachable SMTP server, or none set, never fails the change. Someone who
 * assigns an item to themselves is not told.
 */
export function notifyAssignee(
  db: Kysely<Database>,
  planItemId: number,
  assigneeUserId: number | null,
  assignerUserId: number | null,
  log: (message: string) => void = console.warn,
): void {
  if (assigneeUserId === null || assigneeUserId === assignerUserId) return;
  void (async () => {
    if (!(await mailConfigured(db))) return;
    const letter = await assignmentLetter(db, planItemId, assignerUserId);
    if (letter) await sendLetter(db, letter);
  })().catch((error: unknown) => {
    log(`mail: the assignee of plan item ${planItemId} was not told: ${(error as Error).message}`);
  });
}
