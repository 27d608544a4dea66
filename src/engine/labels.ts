import type { LabelSelector, Labels } from './types.ts';

/** Whether labels satisfy a Service-style equality selector (every key=value present). */
export function matchesLabelMap(labels: Labels, selector: Labels): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}

/** Whether labels satisfy a metav1.LabelSelector; an empty selector matches everything. */
export function matchesLabelSelector(labels: Labels, selector: LabelSelector): boolean {
  if (selector.matchLabels && !matchesLabelMap(labels, selector.matchLabels)) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(labels[req.key]!)) return false;
        break;
      case 'NotIn':
        // NotIn matches objects that lack the key, as labels.Selector does.
        if (has && values.includes(labels[req.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Formats a selector the way kubectl prints it (`app=web,tier in (a,b)`). */
export function formatLabelSelector(selector: LabelSelector | Labels): string {
  const s: LabelSelector = 'matchLabels' in selector || 'matchExpressions' in selector ? (selector as LabelSelector) : { matchLabels: selector as Labels };
  const parts = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const r of s.matchExpressions ?? []) {
    const values = (r.values ?? []).join(',');
    if (r.operator === 'In') parts.push(`${r.key} in (${values})`);
    else if (r.operator === 'NotIn') parts.push(`${r.key} notin (${values})`);
    else if (r.operator === 'Exists') parts.push(r.key);
    else parts.push(`!${r.key}`);
  }
  return parts.length ? parts.join(',') : '<all>';
}
