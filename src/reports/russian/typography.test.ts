import { describe, expect, it } from 'vitest';
import { NBSP, quote, typographRu } from './typography.ts';

describe('typographRu', () => {
  it('turns straight quotes into ёлочки, nested ones into лапки', () => {
    expect(typographRu('лицей "Школа "Успех" и партнёры"')).toBe('лицей «Школа „Успех“ и партнёры»');
    expect(quote('Кузнецк')).toBe('«Кузнецк»');
  });

  it('ties № to its number, г. to the name and the year to г.', () => {
    expect(typographRu('гимназия № 5 и лицей №21')).toBe(`гимназия №${NBSP}5 и лицей №${NBSP}21`);
    expect(typographRu('гимназия № 5 г. Барановичи')).toBe(`гимназия №${NBSP}5 г.${NBSP}Барановичи`);
    expect(typographRu('в г. Кузнецк в 2025 г., XX в.')).toBe(
      `в г.${NBSP}Кузнецк в 2025${NBSP}г., XX${NBSP}в.`,
    );
  });

  it('ties initials to the surname on both sides', () => {
    expect(typographRu('В. А. Щербаков')).toBe(`В.${NBSP}А.${NBSP}Щербаков`);
    expect(typographRu('Щербаков В. А.')).toBe(`Щербаков${NBSP}В.${NBSP}А.`);
  });

  it('makes dashes of a lone hyphen and of number ranges', () => {
    expect(typographRu('Кузнецк - город-побратим')).toBe(`Кузнецк${NBSP}— город-побратим`);
    expect(typographRu('с 18-21 сентября')).toBe('с 18–21 сентября');
  });
});
