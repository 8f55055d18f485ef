/** Pass 10, roles: an organization named only as the source, or a body of power only inside a title, is no record. */
import type { Token } from './01-tokens.ts';
import type { Doc } from './07-document.ts';
import { titleAt } from './09-positions.ts';
import type { OrgMention } from './10-organizations.ts';

// «пресс-служба администрации», «Фото: мэрия города», «Автор: редакция портала», «сообщили в мэрии».
const SOURCE = /^(пресс-служб\p{L}*|фото|автор|источник|сообщил\p{L}*|сообщает|сообщается|сайт\p{L}*)$/u;

// «приветственный адрес председателя горисполкома»: the body itself greets through its head's message.
const MESSAGE = /^(адрес|приветстви|поздравлени|обращени|послани|письм|телеграмм)\p{L}*$/u;

/** «председатель Кузнецкого горисполкома Иван Петров»: the body belongs to the person's title. */
function inTitle(doc: Doc, m: OrgMention): boolean {
  const sent = (doc.tokens[m.first] as Token).sent;
  for (let i = m.first - 1; i >= 0 && i >= m.first - 6; i--) {
    const t = doc.tokens[i] as Token;
    if (t.sent !== sent || /^[,;:!?()]$/.test(t.text)) return false;
    const title = titleAt(doc, i);
    if (title && title.last > m.first) return !MESSAGE.test(doc.tokens[i - 1]?.lower ?? '');
  }
  return false;
}

/** «Фото: мэрия Кузнецка», «сообщили в пресс-службе администрации»: the body only reports. */
function isSource(doc: Doc, m: OrgMention): boolean {
  const sent = (doc.tokens[m.first] as Token).sent;
  for (let i = m.first - 1; i >= 0 && i >= m.first - 3; i--) {
    const t = doc.tokens[i] as Token;
    if (t.sent !== sent) return false;
    if (SOURCE.test(t.lower)) return true;
  }
  return false;
}

/** A source line names no actor; a body of power inside a title does not act on its own either. */
export function aside(doc: Doc, m: OrgMention): boolean {
  return isSource(doc, m) || (!!m.kind.power && inTitle(doc, m));
}
