import { ASPECT_RATIOS, BACKGROUNDS, MODERATIONS, OUTPUT_FORMATS, QUALITIES, RESOLUTIONS, type TaskRecord } from '@gpt-image/core';
import type { TaskRecordJson } from '../../protocol/task-record-check';

const isObject = (value: unknown): value is { readonly [key: string]: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const oneOf = (values: readonly string[], value: unknown): boolean => typeof value === 'string' && values.includes(value);
const isResumeValue = (value: unknown): boolean =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.every((v) => typeof v === 'string'));

/**
 * Whether a record main handed back is core's `TaskRecord`: the protocol checked the envelope
 * fields; this checks what core relies on to resume (the options' enums, the resume data, the
 * references and the cost).
 */
export function isCoreRecord(record: TaskRecordJson): record is TaskRecordJson & TaskRecord {
  const { options, references, cost } = record.request;
  const resume = record.resume;
  return (
    oneOf(RESOLUTIONS, options['resolution']) &&
    oneOf(QUALITIES, options['quality']) &&
    oneOf(ASPECT_RATIOS, options['aspectRatio']) &&
    oneOf(OUTPUT_FORMATS, options['outputFormat']) &&
    oneOf(BACKGROUNDS, options['background']) &&
    oneOf(MODERATIONS, options['moderation']) &&
    (resume === null || Object.values(resume).every(isResumeValue)) &&
    references.every((r) => isObject(r) && typeof r['sha256'] === 'string' && typeof r['mediaType'] === 'string') &&
    typeof cost['estimate'] === 'boolean' &&
    isObject(cost['breakdown'])
  );
}

/** The record as core's type, or null when it is not one (then it cannot be resumed here). */
export function coreRecord(record: TaskRecordJson): TaskRecord | null {
  return isCoreRecord(record) ? record : null;
}
