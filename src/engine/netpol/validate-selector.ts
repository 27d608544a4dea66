import type { FieldError } from '../types.ts';

// metav1 LabelSelector validation as the API server runs it on NetworkPolicy selectors
// (apimachinery's ValidateLabelSelector, IsQualifiedName, IsValidLabelValue), messages verbatim.

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function regexError(msg: string, format: string, ...examples: string[]): string {
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${format}')`;
}

const QUALIFIED_NAME_MSG = regexError(
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]',
  'MyName',
  'my.name',
  '123-abc',
);

/** IsQualifiedName: a label key such as `app.kubernetes.io/name`. */
export function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
      if (!DNS1123_SUBDOMAIN.test(prefix)) {
        errs.push(
          'prefix part ' +
            regexError(
              "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
              '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*',
              'example.com',
            ),
        );
      }
    }
  } else {
    return [`a qualified name ${QUALIFIED_NAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${QUALIFIED_NAME_MSG}`);
  return errs;
}

/** IsValidLabelValue. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?',
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errs;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ValidateLabelSelector on raw JSON, with field paths under `path`. */
export function validateLabelSelector(value: unknown, path: string): FieldError[] {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) return [{ type: 'Invalid', field: path, value, detail: 'must be a label selector object' }];
  const errs: FieldError[] = [];
  if (value.matchLabels !== undefined && value.matchLabels !== null) {
    const field = `${path}.matchLabels`;
    if (!isRecord(value.matchLabels)) errs.push({ type: 'Invalid', field, value: value.matchLabels, detail: 'must be a map of label keys to values' });
    else {
      for (const [k, v] of Object.entries(value.matchLabels)) {
        for (const msg of qualifiedNameErrors(k)) errs.push({ type: 'Invalid', field, value: k, detail: msg });
        if (typeof v !== 'string') errs.push({ type: 'Invalid', field, value: v, detail: 'label values must be strings' });
        else for (const msg of labelValueErrors(v)) errs.push({ type: 'Invalid', field, value: v, detail: msg });
      }
    }
  }
  if (value.matchExpressions !== undefined && value.matchExpressions !== null) {
    if (!Array.isArray(value.matchExpressions)) errs.push({ type: 'Invalid', field: `${path}.matchExpressions`, value: value.matchExpressions, detail: 'must be a list' });
    else value.matchExpressions.forEach((req, i) => errs.push(...validateRequirement(req, `${path}.matchExpressions[${i}]`)));
  }
  return errs;
}

function validateRequirement(req: unknown, path: string): FieldError[] {
  if (!isRecord(req)) return [{ type: 'Invalid', field: path, value: req, detail: 'must be a label selector requirement' }];
  const errs: FieldError[] = [];
  const values = Array.isArray(req.values) ? req.values : [];
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push({ type: 'Required', field: `${path}.values`, detail: "must be specified when `operator` is 'In' or 'NotIn'" });
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push({ type: 'Forbidden', field: `${path}.values`, detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
      break;
    default:
      errs.push({ type: 'Invalid', field: `${path}.operator`, value: req.operator, detail: 'not a valid selector operator' });
  }
  const key = typeof req.key === 'string' ? req.key : '';
  for (const msg of qualifiedNameErrors(key)) errs.push({ type: 'Invalid', field: `${path}.key`, value: key, detail: msg });
  values.forEach((v, i) => {
    const text = typeof v === 'string' ? v : String(v);
    for (const msg of labelValueErrors(text)) errs.push({ type: 'Invalid', field: `${path}.values[${i}]`, value: text, detail: msg });
  });
  return errs;
}
