/** Buffered writing to a Writable with backpressure, and small formatting helpers shared by the exports. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import type { Actor } from '../00-model/doc.js';

export class LineWriter {
  private buf: string[] = [];
  private size = 0;
  lines = 0;

  constructor(
    private out: Writable,
    private chunk = 64 * 1024,
  ) {}

  async line(s: string, eol = '\n'): Promise<void> {
    this.buf.push(s, eol);
    this.size += s.length + eol.length;
    this.lines++;
    if (this.size >= this.chunk) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buf.length) return;
    const data = this.buf.join('');
    this.buf = [];
    this.size = 0;
    if (!this.out.write(data)) await once(this.out, 'drain');
  }
}

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. null → empty. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** TSV field: tabs and line breaks become spaces (the formats have no quoting). null → empty. */
export function tsvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

const require_ = createRequire(import.meta.url);
let countryNameOf: (alpha3: string) => string | null = () => null;
try {
  const countries = require_('i18n-iso-countries');
  countries.registerLocale(require_('i18n-iso-countries/langs/en.json'));
  countryNameOf = (a3) => countries.getName(a3, 'en', { select: 'official' }) || null;
} catch {
  /* names stay null */
}

/** English country name of an ISO alpha-3 code, or the code itself when unknown. */
export function countryName(a3: string | null | undefined): string | null {
  if (!a3) return null;
  return countryNameOf(a3) ?? a3;
}

const SECTORS: Record<string, string> = {
  GOV: 'Government',
  MIL: 'Military',
  REB: 'Rebels',
  OPP: 'Opposition',
  MED: 'Media',
  BUS: 'Business',
  CVL: 'Civilian',
  COP: 'Police',
  JUD: 'Judiciary',
  LEG: 'Legislature',
  ELI: 'Elites',
  HLH: 'Health',
  EDU: 'Education',
  IGO: 'International Government Organization',
  NGO: 'Non-Governmental Organization',
  IMG: 'International Militarized Group',
  SPY: 'Intelligence',
  INS: 'Insurgents',
  REF: 'Refugees',
  LAB: 'Labor',
  AGR: 'Agriculture',
  CRM: 'Criminal',
  UAF: 'Unidentified Armed Forces',
};

export function sectorName(code: string | null | undefined): string | null {
  if (!code) return null;
  return SECTORS[code] ?? code;
}

/** A short label of an actor: name, else org, else country. */
export function actorName(a: Actor | null | undefined): string | null {
  if (!a) return null;
  return a.name ?? a.org ?? countryName(a.country) ?? a.code ?? null;
}
