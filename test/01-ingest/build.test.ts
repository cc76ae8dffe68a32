import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDoc, readInputs } from '../../src/01-ingest/index.js';
import type { SourceText } from '../../src/01-ingest/types.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIX = path.resolve(HERE, '../fixtures/ingest');
const SAMPLE = path.resolve(HERE, '../../sample');

function src(raw: string, extra: Partial<SourceText> = {}): SourceText {
  return {
    name: 't.txt',
    sourceKey: '/t.txt',
    file: 't.txt',
    url: null,
    inputId: null,
    kind: 'text',
    raw,
    given: {},
    ...extra,
  };
}

function fixture(name: string, kind: SourceText['kind'] = 'text'): SourceText {
  return src(readFileSync(path.join(FIX, name), 'utf8'), { name, file: name, kind });
}

describe('ministry transcript with a glued date stamp', () => {
  const doc = buildDoc(fixture('transcript-glued.txt'));
  it('reads the glued stamp "3 June 201918:42" as date and time (Moscow time for the Russian MFA)', () => {
    expect(doc.meta.published).toBe('2019-06-03T18:42+03:00');
    expect(doc.meta.publishedPartial).toBeNull();
  });
  it('takes the title, the place from its tail, the outlet and the title speaker', () => {
    expect(doc.meta.title).toMatch(/^Foreign Minister Sergey Lavrov’s remarks .* Kirkenes, June 3, 2019$/);
    expect(doc.meta.place).toEqual({ name: 'Kirkenes', country: null, lat: null, lon: null });
    expect(doc.meta.source).toBe('Russian MFA');
    expect(doc.meta.titleSpeaker).toBe('Sergey Lavrov');
  });
  it('removes stamp, title, language switcher and the trailing chrome block from the body', () => {
    expect(doc.text.startsWith('Good afternoon,\n\nWe held useful talks')).toBe(true);
    expect(doc.text.endsWith('A meeting in Moscow in the autumn is possible.')).toBe(true);
    for (const chrome of [
      'de-DE1',
      'Additional materials',
      'Diplomatic and consular',
      'Advanced settings',
      '201918:42',
      'Kirkenes, June 3',
    ]) {
      expect(doc.text).not.toContain(chrome);
    }
    expect(doc.text).toContain('Question: Mr Lavrov, will you meet again this year?');
  });
  it('has empty layers, language, and a content-hash id', () => {
    expect(doc.layers).toEqual({});
    expect(doc.meta.language).toBe('en');
    expect(doc.meta.speakers).toEqual([]);
    expect(doc.id).toMatch(/^[0-9a-f]{16}$/);
    expect(doc.meta.id).toBe(doc.id);
    expect(doc.meta.file).toBe('transcript-glued.txt');
  });
});

describe('a date stamp with a space, and a title naming another speaker', () => {
  const doc = buildDoc(fixture('stamp-spaced.txt'));
  it('reads "11 March 2016 14:37"', () => {
    // no outlet is named, so no time zone is known
    expect(doc.meta.source).toBeNull();
    expect(doc.meta.published).toBe('2016-03-11T14:37');
    expect(doc.meta.place?.name).toBe('Geneva');
    expect(doc.meta.titleSpeaker).toBe('Sergey Ryabkov');
    expect(doc.text.startsWith('Question: How do you assess the talks?')).toBe(true);
  });
});

describe('news report with a dateline', () => {
  const doc = buildDoc(fixture('news-dateline.txt'));
  it('keeps the dateline in the body, takes its city as place and its month-day as a partial date', () => {
    expect(doc.meta.published).toBeNull();
    expect(doc.meta.publishedPartial).toEqual({ month: 2, day: 9 });
    expect(doc.meta.place?.name).toBe('Helsinki');
    expect(doc.meta.source).toBe('TASS');
    expect(doc.meta.title).toBe('Russia, Finland discuss border crossing points');
    expect(doc.text).toMatch(
      /^The sides agreed to keep the checkpoints open for freight\n\nHELSINKI, February 9\. \/TASS\/\. Russian and Finnish/,
    );
  });
  it('drops "All news" and the share bar', () => {
    expect(doc.text).not.toMatch(/All news|Share|Telegram/);
    expect(doc.text.endsWith("the embassy's spokesman said.")).toBe(true);
  });
  it('a year in the dateline gives a full date', () => {
    const d = buildDoc(
      src('Talks held\n\nBERLIN, March 4, 2021 (Reuters) - Ministers met in Berlin on Thursday and agreed on a plan.'),
    );
    expect(d.meta.published).toBe('2021-03-04');
    expect(d.meta.place?.name).toBe('Berlin');
    expect(d.meta.source).toBe('Reuters');
  });
  it('a line opening with the date and time, then the setting and city, dates and places the document', () => {
    const d = buildDoc(
      src(
        'Meeting with Prime Minister of India\n\nMarch 3, 2021 14:00 The Kremlin, Moscow\n\nVladimir Putin met Narendra Modi.',
      ),
    );
    expect(d.meta.published).toBe('2021-03-03T14:00');
    expect(d.meta.place?.name).toBe('Moscow');
    const r = buildDoc(
      src('Talks\n\n3 March 2021 / Novo-Ogaryovo, Moscow Region\n\nVladimir Putin met Narendra Modi.'),
    );
    expect(r.meta.place?.name).toBe('Novo-Ogaryovo');
    // one word after the date is no setting and city
    expect(
      buildDoc(src('Statement\n\nMarch 3, 2021 Press Release\n\nThe ministry was concerned.')).meta.place,
    ).toBeNull();
  });
  it('a weekday before the dateline date is read with it', () => {
    const d = buildDoc(
      src('Talks held\n\nGENEVA, Friday, January 21, 2022. The ministers met in Geneva and agreed on a plan.'),
    );
    expect(d.meta.published).toBe('2022-01-21');
    expect(d.meta.place?.name).toBe('Geneva');
    const t = buildDoc(src('Talks held\n\nCAIRO, Tuesday, 8 March (Reuters) - The ministers met in Cairo.'));
    expect(t.meta.place?.name).toBe('Cairo');
    expect(t.meta.source).toBe('Reuters');
  });
});

describe('readout with a weekday date line and CRLF line endings', () => {
  const doc = buildDoc(fixture('readout-weekday.txt'));
  it('reads "Fri, 04 Oct 2019", the title and the outlet byline', () => {
    expect(doc.meta.published).toBe('2019-10-04');
    expect(doc.meta.title).toBe('Secretary Pompeo’s Call with Canadian Foreign Minister Freeland');
    expect(doc.meta.source).toBe('US Department of State');
  });
  it('normalises line endings and trailing spaces; the body starts after the header', () => {
    expect(doc.text).not.toContain('\r');
    expect(doc.text).not.toMatch(/[ \t]+$/m);
    expect(
      doc.text.startsWith(
        'The following is attributable to Spokesperson Morgan Ortagus:\n\nSecretary Michael R. Pompeo',
      ),
    ).toBe(true);
  });
});

describe('a time line under the date stamp', () => {
  it('"2:02 p.m. EDT" gives the stamp its time and offset and leaves the body', () => {
    const d = buildDoc(
      src(
        'Department Press Briefing\nFri, 08 Apr 2022\n\nJohn Smith, Deputy Spokesperson\n\n2:02 p.m. EDT\n\nMR SMITH: Good afternoon, everyone. I have one announcement at the top and then I will take your questions.',
      ),
    );
    expect(d.meta.published).toBe('2022-04-08T14:02-04:00');
    expect(d.text).toBe(
      'John Smith, Deputy Spokesperson\n\nMR SMITH: Good afternoon, everyone. I have one announcement at the top and then I will take your questions.',
    );
  });
});

describe('title tails and other header shapes', () => {
  it('"…, Manila, August 6, 2017" gives place and date', () => {
    const d = buildDoc(
      src(
        'Remarks to the press after the meetings, Manila, August 6, 2017\n\nWe held several meetings today with our partners from the region and discussed many issues.',
      ),
    );
    expect(d.meta.published).toBe('2017-08-06');
    expect(d.meta.place?.name).toBe('Manila');
  });
  it('"… on July 4, 2018" dates the document, with no place', () => {
    const d = buildDoc(
      src(
        "Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on July 4, 2018\n\nQ: What is your comment on the talks?\nA: We welcome them.",
      ),
    );
    expect(d.meta.published).toBe('2018-07-04');
    expect(d.meta.place).toBeNull();
    expect(d.meta.source).toBe('Chinese MFA');
    expect(d.meta.titleSpeaker).toBe('Lu Kang');
  });
  it('a date inside a title is not the publication date', () => {
    const d = buildDoc(
      src(
        'Prime Minister to visit Vietnam in January 2025\n\nHANOI, December 26. /TASS/. The visit is being prepared.',
      ),
    );
    expect(d.meta.published).toBeNull();
    expect(d.meta.publishedPartial).toEqual({ month: 12, day: 26 });
  });
  it('a sign-off line at the end gives place and date when the header has none', () => {
    const d = buildDoc(
      src(
        'Joint Communique\n\nThe two sides held consultations and agreed to deepen cooperation in trade and energy.\n\nStockholm, 20 October 2015.',
      ),
    );
    expect(d.meta.published).toBe('2015-10-20');
    expect(d.meta.place?.name).toBe('Stockholm');
  });
  it('labelled header fields and genre labels', () => {
    const d = buildDoc(
      src(
        'Media Release\n\nDATE: February 3 2005\n\nTITLE: Joint press conference with the Foreign Minister\n\nMr Smith: We had a very wide-ranging meeting and an interesting exchange of views.',
      ),
    );
    expect(d.meta.published).toBe('2005-02-03');
    expect(d.meta.title).toBe('Joint press conference with the Foreign Minister');
    expect(d.text.startsWith('Mr Smith: We had')).toBe(true);
  });
  it('an agency name after the dateline dash, a "From:" byline, a place line after a building', () => {
    const ria = buildDoc(
      src(
        'Ministers meet\n\nMOSCOW, February 9 - RIA Novosti. The ministers met on Wednesday and agreed to continue talks.',
      ),
    );
    expect(ria.meta).toMatchObject({
      source: 'RIA Novosti',
      place: { name: 'Moscow' },
      publishedPartial: { month: 2, day: 9 },
    });
    const uk = buildDoc(
      src(
        'Foreign Secretary meets Gulf counterparts\n\nFrom: Foreign, Commonwealth & Development Office\n\nPublished 12 May 2022\n\nThe Foreign Secretary met her counterparts from the Gulf states and discussed regional security.',
      ),
    );
    expect(uk.meta.source).toBe('Foreign, Commonwealth & Development Office');
    expect(uk.meta.published).toBe('2022-05-12');
    expect(uk.text.startsWith('The Foreign Secretary met')).toBe(true);
    const kremlin = buildDoc(
      src(
        'Talks with the President of Finland\n\nMay 12, 2018 15:40\n\nThe Kremlin, Moscow\n\nVladimir Putin held talks with the President of Finland, who is in Russia on a working visit.',
      ),
    );
    expect(kremlin.meta.published).toBe('2018-05-12T15:40');
    expect(kremlin.meta.place?.name).toBe('Moscow');
    const sig = buildDoc(
      src(
        'Statement on the situation in the region\n\nIrina Nyoni, Ambassador\n\nThe Council must act now to stop the violence and protect the civilians in the region.',
      ),
    );
    expect(sig.meta.place).toBeNull();
  });
  it('a speech opening without punctuation is not taken for a title', () => {
    const d = buildDoc(
      src('Good afternoon\n\nWe have just finished our talks and agreed to meet again in the spring in Helsinki.'),
    );
    expect(d.meta.title).toBeNull();
    expect(d.text.startsWith('Good afternoon\n\nWe have')).toBe(true);
  });
  it('a document without a header keeps all its text and has no title', () => {
    const body =
      'Ladies and gentlemen,\n\nToday we held talks with our colleagues and agreed on a plan of consultations for next year.';
    const d = buildDoc(src(body));
    expect(d.meta.title).toBeNull();
    expect(d.text).toBe(body);
  });
});

describe('metadata given with the input', () => {
  it('two JSON Lines rows with the same text but different ids are two documents; the same row keeps its id', () => {
    const a = buildDoc(src('Ministers met in Paris.', { inputId: 'r1' }));
    const b = buildDoc(src('Ministers met in Paris.', { inputId: 'r2' }));
    const a2 = buildDoc(src('Ministers met in Paris.', { inputId: 'r1' }));
    expect(a.id).not.toBe(b.id);
    expect(a2.id).toBe(a.id);
    expect(buildDoc(src('Ministers met in Paris.')).id).toBe(buildDoc(src('Ministers met in Paris.')).id);
  });
  it('a JSON Lines published field wins over dates in the text; a repeated title line is dropped', () => {
    const d = buildDoc(
      src('Ministers meet\n\n11 March 2016 14:37\n\nThe ministers met and agreed on a plan.', {
        kind: 'text',
        inputId: 'x1',
        given: { title: 'Ministers meet', published: 'Tue, 15 Feb 2022 19:06:40 +0000', source: 'Wire' },
      }),
    );
    expect(d.meta.published).toBe('2022-02-15T19:06+00:00');
    expect(d.meta.title).toBe('Ministers meet');
    expect(d.meta.source).toBe('Wire');
    expect(d.meta.inputId).toBe('x1');
    expect(d.text).toBe('The ministers met and agreed on a plan.');
  });
  it('a given day takes the time of a stamp on that day; a given title wins over an HTML headline', () => {
    const d = buildDoc(
      src('11 March 2016 14:37\n\nThe ministers met and agreed on a plan.', { given: { published: '2016-03-11' } }),
    );
    expect(d.meta.published).toBe('2016-03-11T14:37');
    const h = buildDoc(
      src(
        '<html><body><article><h1>Page headline</h1><p>' +
          'The ministers met in Rome and agreed on a plan. '.repeat(6) +
          '</p></article></body></html>',
        {
          kind: 'html',
          given: { title: 'Title from the feed' },
        },
      ),
    );
    expect(h.meta.title).toBe('Title from the feed');
  });
  it('a title tail without a year gives a partial date', () => {
    const d = buildDoc(
      src('Remarks to the press, Moscow, April 12\n\nWe held talks today and agreed on a number of steps.'),
    );
    expect(d.meta.published).toBeNull();
    expect(d.meta.publishedPartial).toEqual({ month: 4, day: 12 });
    expect(d.meta.place?.name).toBe('Moscow');
  });
  it('a given title that differs from the first line keeps that line in the body', () => {
    const d = buildDoc(src('Short first paragraph\n\nThe ministers met.', { given: { title: 'Another title' } }));
    expect(d.meta.title).toBe('Another title');
    expect(d.text.startsWith('Short first paragraph')).toBe(true);
  });
});

describe('HTML', () => {
  const doc = buildDoc(fixture('page.html', 'html'));
  it('extracts the article, without navigation, language switcher, share list or footer', () => {
    expect(doc.text).toMatch(/^OSLO, November 30\. The foreign ministers of Norway and Iceland met in Oslo/);
    expect(doc.text).toContain('"This agreement gives our fishermen predictability," the Norwegian minister said');
    for (const chrome of ['Ministries', 'Contact us', 'Norsk', 'Facebook', 'Privacy', 'Sitemap', 'Home'])
      expect(doc.text).not.toContain(chrome);
    expect(doc.text).toContain('\n\n');
  });
  it('takes the headline as title and the <meta> publication time', () => {
    expect(doc.meta.title).toBe('Norway and Iceland agree on fisheries quotas');
    expect(doc.meta.published).toBe('2021-11-30T10:15+01:00');
    expect(doc.meta.place?.name).toBe('Oslo');
    expect(doc.meta.source).toBe('Government portal');
  });
  it('finds the date stamp and language switcher of a ministry page even when Readability cuts them away', () => {
    const d = buildDoc(fixture('ministry-page.html', 'html'));
    expect(d.meta.published).toBe('2018-05-12T15:40+03:00');
    expect(d.meta.source).toBe('Russian MFA');
    expect(d.meta.title).toBe('Foreign Minister Sergey Lavrov’s remarks at a news conference, Minsk, May 12, 2018');
    expect(d.meta.place?.name).toBe('Minsk');
    expect(d.text).toMatch(/^Ladies and gentlemen,\n\nWe have had useful talks/);
    expect(d.text).toContain('\n\nQuestion: Will there be a meeting of the presidents soon?\n\nSergey Lavrov: Yes,');
    for (const chrome of ['de-DE1', 'Additional materials', 'Advanced settings', 'Foreign policy', '201815:40'])
      expect(d.text).not.toContain(chrome);
  });
  it('falls back to the body text of a page Readability cannot read', () => {
    const d = buildDoc(
      src(
        '<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/a">About</a></li><li><a href="/b">News</a></li></ul></nav><p>Short note: talks held.</p></body></html>',
        { kind: 'html' },
      ),
    );
    expect(d.text).toBe('Short note: talks held.');
  });
});

describe('inputs without document text', () => {
  it('a file of page chrome only, or an empty page, is an error, not an empty document', () => {
    expect(() => buildDoc(src('All news\n\nShare\n\nPrint\n\n• en-GB1 ru-RU1'))).toThrow(
      /no text left after removing page chrome/,
    );
    expect(() => buildDoc(src('<html><body><nav>Home</nav></body></html>', { kind: 'html' }))).toThrow(
      /no text found in the page/,
    );
  });
});

describe('Markdown', () => {
  it('reads front matter as metadata and strips markup, keeping the words', () => {
    const md =
      '---\ntitle: "Ministers meet in Rome"\ndate: 2021-06-28\nsource: Example Ministry\n---\n\n# Ministers meet in Rome\n\nThe **foreign ministers** met in [Rome](https://example.org/rome) and *agreed* on a plan.\n\n- first point\n- second point\n';
    const d = buildDoc(src(md, { kind: 'markdown', name: 'note.md', file: 'note.md' }));
    expect(d.meta.title).toBe('Ministers meet in Rome');
    expect(d.meta.published).toBe('2021-06-28');
    expect(d.meta.source).toBe('Example Ministry');
    expect(d.text).toBe('The foreign ministers met in Rome and agreed on a plan.\n\n• first point\n• second point');
  });
});

describe('stable ids', () => {
  it('the same text gives the same id, whatever the line endings or trailing spaces', () => {
    const a = buildDoc(src('Title line\n\nThe ministers met in Rome.\n'));
    const b = buildDoc(
      src('Title line  \r\n\r\nThe ministers met in Rome.   \r\n', { name: 'other.txt', file: 'other.txt' }),
    );
    expect(a.id).toBe(b.id);
    expect(a.text).toBe(b.text);
  });
  it('different text gives a different id; the id is sha256 of the cleaned text', async () => {
    const a = buildDoc(src('Title line\n\nThe ministers met in Rome.'));
    const c = buildDoc(src('Title line\n\nThe ministers met in Paris.'));
    expect(a.id).not.toBe(c.id);
    const { createHash } = await import('node:crypto');
    expect(a.id).toBe(createHash('sha256').update(a.text).digest('hex').slice(0, 16));
  });
});

describe('the bundled sample corpus', () => {
  it('ingests every sample without error, each with a title, a date and a source', async () => {
    const docs = [];
    for await (const r of readInputs([SAMPLE])) {
      expect(r.ok, r.ok ? '' : `${r.error.input}: ${r.error.message}`).toBe(true);
      if (r.ok) docs.push(buildDoc(r.source));
    }
    expect(docs.length).toBeGreaterThanOrEqual(6);
    for (const d of docs) {
      expect(d.meta.title).toBeTruthy();
      expect(d.meta.published ?? d.meta.publishedPartial).toBeTruthy();
      expect(d.meta.source).toBeTruthy();
      expect(d.text.length).toBeGreaterThan(200);
    }
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });
});
