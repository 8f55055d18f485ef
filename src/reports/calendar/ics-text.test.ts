import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, foldLines } from './ics-text.ts';
import { unfoldIcs } from './ics-lines.ts';

const octets = (line: string) => Buffer.byteLength(line);

describe('iCalendar text', () => {
  it('leaves a line of 74 octets whole and folds one of 75', () => {
    expect(foldLine('a'.repeat(74))).toBe('a'.repeat(74));
    expect(foldLine('a'.repeat(75))).toBe(`${'a'.repeat(74)}\r\n a`);
  });

  it('folds Cyrillic, euro signs and emoji to at most 75 octets a line, never inside a character', () => {
    for (const text of [
      'Ж'.repeat(200),
      'a€'.repeat(100),
      `x${'😀'.repeat(60)}`,
      'День города, 🎉 и €'.repeat(9),
    ]) {
      const line = `SUMMARY:${text}`;
      const folded = foldLine(line);
      const physical = folded.split('\r\n');
      expect(Math.max(...physical.map(octets))).toBeLessThanOrEqual(75);
      expect(physical.slice(1).every((part) => part.startsWith(' '))).toBe(true);
      expect(folded).not.toMatch(/[\ud800-\udbff]\r\n/);
      expect(unfoldIcs(folded)).toEqual([line]);
    }
  });

  it('folds each line of a document on its own', () => {
    const text = ['BEGIN:VEVENT', `DESCRIPTION:${'Я'.repeat(40)}`, 'END:VEVENT'].join('\r\n');
    expect(unfoldIcs(foldLines(text))).toEqual(unfoldIcs(text));
    expect(foldLines(text).split('\r\n')).toHaveLength(4);
  });

  it('escapes backslashes, semicolons, commas and line breaks of a text value', () => {
    expect(escapeText('Минск; Брест, Гродно\\Пинск\r\nвторая\nтретья\rчетвёртая')).toBe(
      'Минск\\; Брест\\, Гродно\\\\Пинск\\nвторая\\nтретья\\nчетвёртая',
    );
  });
});
