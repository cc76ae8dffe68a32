/**
 * The default pipeline, in dependency order. The numbered folders mirror it:
 * 01-ingest (raw input → Doc) → 02-segment → 03-recognise → 04-extract → 05-store → 06-serve / 07-export.
 */
import type { Stage } from './pipeline.js';
import { segmentStage } from './02-segment/index.js';
import { actorStage } from './03-recognise/actors.js';
import { dateStage } from './03-recognise/dates.js';
import { placeStage } from './03-recognise/places.js';
import { topicStage } from './04-extract/topics.js';
import { quoteStage } from './04-extract/quotes.js';
import { eventStage } from './04-extract/events.js';
import { meetingStage } from './04-extract/meetings.js';
import { agreementStage } from './04-extract/agreements.js';

export const SEGMENT: Stage[] = [segmentStage];
export const RECOGNISE: Stage[] = [actorStage, dateStage, placeStage];
export const EXTRACT: Stage[] = [topicStage, quoteStage, eventStage, meetingStage, agreementStage];
export const DEFAULT_STAGES: Stage[] = [...SEGMENT, ...RECOGNISE, ...EXTRACT];
