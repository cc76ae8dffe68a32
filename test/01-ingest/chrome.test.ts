import { describe, expect, it } from 'vitest';
import {
  isChromeLine,
  isLanguageSwitcher,
  isNavList,
  isShareBar,
  normaliseText,
  removeChrome,
} from '../../src/01-ingest/index.js';

describe('line rules', () => {
  it('language switchers', () => {
    expect(isLanguageSwitcher('• de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1')).toBe(true);
    expect(isLanguageSwitcher('en-GB1 ru-RU1')).toBe(true);
    expect(isLanguageSwitcher('English | Français | Русский')).toBe(true);
    expect(isLanguageSwitcher('EN RU')).toBe(true);
    expect(isLanguageSwitcher('el-Sisi')).toBe(false);
    expect(isLanguageSwitcher('English')).toBe(false);
    expect(isLanguageSwitcher('The talks were held in English and Russian.')).toBe(false);
  });
  it('navigation link lists', () => {
    expect(
      isNavList('News Room | Government Report Card | Australia in Focus | Your PM & His Team | Email Your PM'),
    ).toBe(true);
    expect(isNavList('Home | Links | Search | Help | Site Map | Copyright | Privacy')).toBe(true);
    expect(isNavList('Media Releases 2001 | 2000 | 1999 | 1998 | 1997')).toBe(true);
    expect(isNavList('The vote was 12 | 3 | 0, he said. Nobody objected to the result in the end.')).toBe(false);
    expect(isNavList('Russia, Turkey and Iran agreed on the zones.')).toBe(false);
  });
  it('share and print bars', () => {
    expect(isShareBar('Share  Print  Telegram')).toBe(true);
    expect(isShareBar('Facebook Twitter VK Email')).toBe(true);
    expect(isShareBar('Print')).toBe(false); // a one-word line is judged by the phrase list
    expect(isChromeLine('Print')).toBe(true);
    expect(isChromeLine('Print version')).toBe(true);
    expect(isChromeLine('The ministers agreed to print the joint statement in three languages.')).toBe(false);
    expect(isChromeLine('Tags: Russia, Syria, United Nations')).toBe(true);
    expect(isChromeLine('© 2022 Ministry of Foreign Affairs. All rights reserved.')).toBe(true);
    expect(isChromeLine('Photo: Press Service')).toBe(true);
    expect(isChromeLine('Media inquiries: Press Secretary (02) 6277 7500 / Department (02) 6261 1555')).toBe(true);
    expect(isChromeLine('PRESS OFFICE (02) 6277 7744')).toBe(true);
    expect(isChromeLine('The office received 1200 3400 5600 letters.')).toBe(false);
    expect(isChromeLine('Copyright law was discussed at length by the two delegations.')).toBe(false);
  });
});

describe('normaliseText', () => {
  it('normalises line endings, trims lines and collapses blank lines', () => {
    expect(normaliseText('\uFEFFTitle  \r\n\r\n\r\n\r\n  Body\u00A0line. \rNext\u200B line\n\n')).toBe(
      'Title\n\nBody\u00A0line.\nNext line',
    );
  });
});

describe('removeChrome', () => {
  const lines = (s: string) => normaliseText(s).split('\n');
  it('cuts a trailing "Additional materials" block of short lines', () => {
    const text = `Title\n\n${'We discussed the situation in the region in great detail. '.repeat(5)}\n\nAdditional materials\n\n\nDiplomatic and consular missions of Russia\n\nRepresentative offices in Russia\n\nAdvanced settings`;
    const r = removeChrome(lines(text));
    expect(r.lines[r.lines.length - 1]).toMatch(/great detail\.$/);
    expect(r.lines.join('\n')).not.toMatch(/Additional materials|Diplomatic and consular|Advanced settings/);
  });
  it('keeps a marker word followed by real paragraphs', () => {
    const para = 'The ministers agreed to continue consultations on regional security and trade next year. '
      .repeat(2)
      .trim();
    const r = removeChrome(lines(`${para}\n\nSee also\n\n${para}`));
    expect(r.lines.filter(Boolean)).toEqual([para, para]);
  });
  it('"Read also" with its linked headline goes, the text around stays', () => {
    const r = removeChrome(
      lines(
        'First paragraph of the report.\n\nRead also\n\nPutin and Xi to meet in Kazan\n\nSecond paragraph of the report.',
      ),
    );
    expect(r.lines.filter(Boolean)).toEqual(['First paragraph of the report.', 'Second paragraph of the report.']);
  });
  it('drops "All news" at the top, flags the language switcher, and leaves no double blank lines', () => {
    const r = removeChrome(lines('All news\n\nHeadline\n\n  • en-GB1 ru-RU1\n\nBody text here.'));
    expect(r.lines).toEqual(['Headline', '', 'Body text here.']);
    expect(r.langSwitch).toBe(true);
  });
});
