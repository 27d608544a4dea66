// Which controller an Ingress belongs to: spec.ingressClassName, else the legacy
// kubernetes.io/ingress.class annotation, else the default IngressClass the API server's
// DefaultIngressClass admission plugin wrote at creation (plugin/pkg/admission/network/
// defaultingressclass: the newest class annotated is-default-class wins). ingress-nginx
// (store.GetIngressClass) serves an IngressClass whose spec.controller is its --controller-class,
// and the annotation only when it equals its --ingress-class.
import { asObject, asString } from '../validation/access.ts';
import type { AdmittedObject, ManifestObject } from '../types.ts';
import { ANNOTATION_CLASS_VALUE, CONTROLLER_CLASS, type ClassResolution } from './types.ts';

export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** An accepted IngressClass with its creation order. */
export interface IngressClassEntry {
  name: string;
  controller: string;
  isDefault: boolean;
  order: number;
  object: AdmittedObject;
}

/** Reads the IngressClasses of a cluster (accepted, deduplicated, in creation order). */
export function ingressClassEntries(objects: Array<{ object: AdmittedObject; order: number }>): IngressClassEntry[] {
  return objects.map(({ object, order }) => {
    const spec = asObject(object.object.spec) ?? {};
    const annotations = asObject(object.object.metadata.annotations) ?? {};
    return { name: object.name, controller: asString(spec.controller) ?? '', isDefault: annotations[DEFAULT_CLASS_ANNOTATION] === 'true', order, object };
  });
}

/** The class the API server's DefaultIngressClass plugin assigns to an Ingress created at `order`
 * without a class: the newest default IngressClass that existed then. */
export function defaultClassAt(classes: IngressClassEntry[], order: number): IngressClassEntry | undefined {
  let chosen: IngressClassEntry | undefined;
  for (const c of classes) {
    if (!c.isDefault || c.order > order) continue;
    if (!chosen || c.order > chosen.order || (c.order === chosen.order && c.name < chosen.name)) chosen = c;
  }
  return chosen;
}

/** Resolves an Ingress's class and whether the ingress-nginx controller here serves it. */
export function resolveIngressClass(ingress: ManifestObject, order: number, classes: IngressClassEntry[], controllerInstalled: boolean): ClassResolution {
  const spec = asObject(ingress.spec) ?? {};
  const className = asString(spec.ingressClassName);
  if (className !== undefined) return byClassName(className, 'ingressClassName', 'spec.ingressClassName', classes, controllerInstalled);
  const annotation = asString(asObject(ingress.metadata.annotations)?.[CLASS_ANNOTATION]);
  const annotationField = `metadata.annotations[${CLASS_ANNOTATION}]`;
  if (annotation !== undefined) {
    if (annotation !== ANNOTATION_CLASS_VALUE) {
      return {
        served: false,
        reason: 'IngressClassAnnotationMismatch',
        message: `annotation ${CLASS_ANNOTATION} is "${annotation}"; ingress-nginx only serves "${ANNOTATION_CLASS_VALUE}" (its --ingress-class)`,
        via: 'annotation',
        className: annotation,
        field: annotationField,
      };
    }
    if (!controllerInstalled) return notInstalled(annotation, 'annotation', annotationField);
    return {
      served: true,
      reason: 'Accepted',
      message: `annotation ${CLASS_ANNOTATION}: "${annotation}" matches ingress-nginx's --ingress-class (the annotation is deprecated; use spec.ingressClassName)`,
      via: 'annotation',
      className: annotation,
      field: annotationField,
    };
  }
  const fallback = defaultClassAt(classes, order);
  if (fallback) return byClassName(fallback.name, 'default-class', 'spec.ingressClassName', classes, controllerInstalled);
  return {
    served: false,
    reason: 'NoIngressClass',
    message: `no spec.ingressClassName, no ${CLASS_ANNOTATION} annotation, and no IngressClass annotated ${DEFAULT_CLASS_ANNOTATION}: "true" existed when it was created; ingress-nginx ignores Ingresses without a class (--watch-ingress-without-class=false)`,
    via: 'none',
  };
}

function byClassName(name: string, via: ClassResolution['via'], field: string, classes: IngressClassEntry[], controllerInstalled: boolean): ClassResolution {
  const defaulted = via === 'default-class' ? ` (the default IngressClass, set by the API server at creation)` : '';
  const entry = classes.find((c) => c.name === name);
  if (!entry) {
    const hint = name === ANNOTATION_CLASS_VALUE && !controllerInstalled ? '; the ingress-nginx addon installs it' : '';
    return { served: false, reason: 'IngressClassNotFound', message: `IngressClass "${name}" not found${hint}: no controller serves this Ingress`, via, className: name, classRef: `ingressclass/${name}`, field };
  }
  if (entry.controller !== CONTROLLER_CLASS) {
    return {
      served: false,
      reason: 'UnsupportedIngressClass',
      message: `IngressClass "${name}"${defaulted} names controller "${entry.controller}"; no such controller runs here (ingress-nginx serves "${CONTROLLER_CLASS}")`,
      via,
      className: name,
      classRef: `ingressclass/${name}`,
      field,
    };
  }
  if (!controllerInstalled) return notInstalled(name, via, field);
  return {
    served: true,
    reason: 'Accepted',
    message: `IngressClass "${name}"${defaulted} names controller ${CONTROLLER_CLASS}: ingress-nginx serves it`,
    via,
    className: name,
    classRef: `ingressclass/${name}`,
    field,
  };
}

function notInstalled(name: string, via: ClassResolution['via'], field: string): ClassResolution {
  return {
    served: false,
    reason: 'ControllerNotInstalled',
    message: `class "${name}" belongs to ingress-nginx, but no ingress-nginx controller runs in this cluster (add the ingress-nginx addon): an Ingress alone routes nothing`,
    via,
    className: name,
    ...(via === 'annotation' ? {} : { classRef: `ingressclass/${name}` }),
    field,
  };
}
