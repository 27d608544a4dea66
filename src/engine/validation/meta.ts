// ObjectMeta, labels and label selectors, as apimachinery's api/validation/objectmeta.go and
// apis/meta/v1/validation/validation.go check them.
import type { FieldError } from '../types.ts';
import { asArray, asObject, asString, asStringMap, child, goMap, index, type JsonObject } from './access.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './content.ts';
import { forbidden, invalid, required, tooLong } from './field-errors.ts';

/** How an object's name must look: NameIsDNSSubdomain, NameIsDNSLabel or NameIsDNS1035Label. */
export type NameRule = 'subdomain' | 'label' | 'dns1035';

const NAME_CHECKS: Record<NameRule, (name: string) => string[]> = {
  subdomain: isDNS1123Subdomain,
  label: isDNS1123Label,
  dns1035: isDNS1035Label,
};

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** maskTrailingDash: a generateName may end in '-' since a suffix follows it. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** ValidateObjectMeta on create, for a namespaced or cluster-scoped kind. */
export function validateObjectMeta(metadata: unknown, namespaced: boolean, rule: NameRule, path = 'metadata'): FieldError[] {
  const meta = asObject(metadata) ?? {};
  const errs: FieldError[] = [];
  const nameFn = NAME_CHECKS[rule];
  const name = asString(meta.name) ?? '';
  const generateName = asString(meta.generateName) ?? '';
  if (generateName) for (const msg of nameFn(maskTrailingDash(generateName))) errs.push(invalid(child(path, 'generateName'), generateName, msg));
  if (!name) {
    // The registry generates a name from generateName before validating.
    if (!generateName) errs.push(required(child(path, 'name'), 'name or generateName is required'));
  } else {
    for (const msg of nameFn(name)) errs.push(invalid(child(path, 'name'), name, msg));
  }
  // kubectl fills in the namespace of a namespaced object; the registry clears it on cluster-scoped ones.
  const namespace = asString(meta.namespace);
  if (namespaced && namespace) for (const msg of isDNS1123Label(namespace)) errs.push(invalid(child(path, 'namespace'), namespace, msg));
  errs.push(...validateLabels(meta.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  return errs;
}

/** ValidateLabels: every key a qualified name, every value a label value. */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  const map = asStringMap(labels);
  if (!map) return [];
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(map)) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

/** ValidateLabelName. */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => invalid(path, name, msg));
}

/** ValidateAnnotations: keys are qualified names in any case; 256 KiB in total. */
export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const map = asStringMap(annotations);
  if (!map) return [];
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(map)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    size += k.length + v.length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** ValidateLabelSelector (metav1.LabelSelector). */
export function validateLabelSelector(selector: unknown, path: string): FieldError[] {
  const sel = asObject(selector);
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, child(path, 'matchLabels'));
  asArray(sel.matchExpressions).forEach((expr, i) => errs.push(...validateRequirement(asObject(expr) ?? {}, index(child(path, 'matchExpressions'), i))));
  return errs;
}

function validateRequirement(req: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = asArray(req.values);
  const operator = asString(req.operator) ?? '';
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(child(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errs.push(invalid(child(path, 'operator'), operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(asString(req.key) ?? '', child(path, 'key')));
  values.forEach((v, i) => {
    const value = typeof v === 'string' ? v : String(v);
    for (const msg of isValidLabelValue(value)) errs.push(invalid(index(child(path, 'values'), i), value, msg));
  });
  return errs;
}

/** A label selector turned into a predicate, as metav1.LabelSelectorAsSelector does. */
export type SelectorPredicate =
  | { kind: 'nothing' }
  | { kind: 'everything' }
  | { kind: 'match'; matches: (labels: Record<string, string>) => boolean }
  | { kind: 'error' };

/** LabelSelectorAsSelector: nil selects nothing, `{}` everything; malformed requirements fail. */
export function labelSelectorAsSelector(selector: unknown): SelectorPredicate {
  const sel = asObject(selector);
  if (!sel) return { kind: 'nothing' };
  const matchLabels = asStringMap(sel.matchLabels) ?? {};
  const exprs = asArray(sel.matchExpressions).map((e) => asObject(e) ?? {});
  if (Object.keys(matchLabels).length === 0 && exprs.length === 0) return { kind: 'everything' };
  const checks: Array<(labels: Record<string, string>) => boolean> = [];
  for (const [k, v] of Object.entries(matchLabels)) {
    if (isQualifiedName(k).length || isValidLabelValue(v).length) return { kind: 'error' };
    checks.push((labels) => labels[k] === v);
  }
  for (const e of exprs) {
    const k = asString(e.key) ?? '';
    const values = asArray(e.values).map((v) => String(v));
    if (isQualifiedName(k).length) return { kind: 'error' };
    const has = (labels: Record<string, string>): boolean => Object.prototype.hasOwnProperty.call(labels, k);
    switch (e.operator) {
      case 'In':
        if (!values.length) return { kind: 'error' };
        checks.push((labels) => has(labels) && values.includes(labels[k]!));
        break;
      case 'NotIn':
        if (!values.length) return { kind: 'error' };
        checks.push((labels) => !has(labels) || !values.includes(labels[k]!));
        break;
      case 'Exists':
        if (values.length) return { kind: 'error' };
        checks.push(has);
        break;
      case 'DoesNotExist':
        if (values.length) return { kind: 'error' };
        checks.push((labels) => !has(labels));
        break;
      default:
        return { kind: 'error' };
    }
  }
  return { kind: 'match', matches: (labels) => checks.every((c) => c(labels)) };
}

/** Whether a selector predicate selects these labels (nothing selects nothing). */
export function selects(pred: SelectorPredicate, labels: Record<string, string>): boolean {
  return pred.kind === 'everything' || (pred.kind === 'match' && pred.matches(labels));
}

/** A LabelSelector as encoding/json prints it (struct fields in order, maps sorted). */
export function selectorValue(selector: unknown): unknown {
  const sel = asObject(selector);
  if (!sel) return null;
  const out: JsonObject = {};
  if (sel.matchLabels !== undefined) out.matchLabels = goMap(asStringMap(sel.matchLabels));
  const exprs = asArray(sel.matchExpressions).map((e) => {
    const req = asObject(e) ?? {};
    const values = asArray(req.values);
    return values.length ? { key: req.key ?? '', operator: req.operator ?? '', values } : { key: req.key ?? '', operator: req.operator ?? '' };
  });
  if (exprs.length) out.matchExpressions = exprs;
  return out;
}
