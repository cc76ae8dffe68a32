/**
 * Ingest: inputs (files, directories, JSON Lines, URLs, stdin) → decoded SourceTexts →
 * Docs with cleaned body text, metadata and empty layers.
 */
export { readInputs, parseJsonl, looksLikeHtml, EXTENSIONS, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './read.js';
export { buildDoc, buildDocTraced, EmptyDocumentError, contentId, titleSpeakerOf, type BuildTrace } from './build.js';
export { decodeBytes, DecodeError } from './decode.js';
export { normaliseText, removeChrome, isChromeLine, isLanguageSwitcher, isNavList, isShareBar } from './chrome.js';
export { findDates, normalisePublished, isoOf, type FoundDate } from './dates.js';
export { analyseHeader, parseDateline, stampLine, titleTail, placeDateLine, type HeaderInfo } from './header.js';
export { extractHtml } from './html.js';
export { extractMarkdown } from './markdown.js';
export type { SourceText, InputResult, InputError, ReadOptions, ContentKind } from './types.js';
