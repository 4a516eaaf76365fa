import type { core } from 'zod/mini';

/**
 * zod's own English wording for the issues core's schemas raise without a message of their own.
 * Core uses zod/mini, which loads no locale, so such an issue would otherwise read only "Invalid
 * input"; the manifest and fake-server scenario errors show these messages to people. Kept in
 * step with zod's `locales/en` for the codes below (anything else falls back to "Invalid input",
 * as the locale does), and passed explicitly rather than through the global `z.config`, so
 * importing core changes nothing for other zod users.
 */
export const englishIssue: core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${typeName(issue.expected)}, received ${receivedType(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${primitive(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(primitive).join('|')}`;
    case 'too_big': {
      const bound = `${issue.exact ? 'exactly ' : issue.inclusive ? '<=' : '<'}${issue.maximum.toString()}`;
      const unit = SIZE_UNITS[issue.origin];
      const origin = issue.origin ?? 'value';
      return unit ? `Too big: expected ${origin} to have ${bound} ${unit}` : `Too big: expected ${origin} to be ${bound}`;
    }
    case 'too_small': {
      const bound = `${issue.exact ? 'exactly ' : issue.inclusive ? '>=' : '>'}${issue.minimum.toString()}`;
      const unit = SIZE_UNITS[issue.origin];
      return unit ? `Too small: expected ${issue.origin} to have ${bound} ${unit}` : `Too small: expected ${issue.origin} to be ${bound}`;
    }
    case 'invalid_format':
      if (issue.format === 'starts_with') return `Invalid string: must start with "${issue.prefix}"`;
      if (issue.format === 'ends_with') return `Invalid string: must end with "${issue.suffix}"`;
      if (issue.format === 'includes') return `Invalid string: must include "${issue.includes}"`;
      if (issue.format === 'regex') return `Invalid string: must match pattern ${String(issue.pattern)}`;
      return `Invalid ${FORMAT_NAMES[issue.format] ?? issue.format}`;
    case 'not_multiple_of':
      return `Invalid number: must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(primitive).join(', ')}`;
    case 'invalid_key':
      return `Invalid key in ${issue.origin}`;
    case 'invalid_element':
      return `Invalid value in ${issue.origin}`;
    case 'invalid_union': {
      const options: unknown = issue.options;
      if (Array.isArray(options) && options.length > 0) {
        return `Invalid discriminator value. Expected ${options.map((option: unknown) => `'${String(option)}'`).join(' | ')}`;
      }
      return issue.inclusive === false ? 'Invalid input: more than one option matched' : 'Invalid input';
    }
    default:
      return undefined;
  }
};

const SIZE_UNITS: Readonly<Record<string, string>> = { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' };

/** Names of the string formats core checks (`regex`, `starts_with`, `ends_with` and `includes` are worded on their own). */
const FORMAT_NAMES: Readonly<Record<string, string>> = { url: 'URL', datetime: 'ISO datetime', date: 'ISO date', time: 'ISO time', email: 'email address' };

function typeName(type: string): string {
  return type === 'nan' ? 'NaN' : type;
}

/** What a value is, in the words zod's English messages use ("received array", "received null"). */
function receivedType(value: unknown): string {
  switch (typeof value) {
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      return Number.isFinite(value) ? 'number' : String(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return 'array';
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && 'constructor' in value && typeof value.constructor === 'function') return value.constructor.name;
      return 'object';
    }
    default:
      return typeof value;
  }
}

function primitive(value: unknown): string {
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}
