// Generates, from the installed `kubernetes-types` package, the field trees the engine needs:
//   src/engine/validation/known-fields.generated.json  (each kind's fields and how the API server
//                                                       decodes them: strict decoding, type errors)
//   public/schemas/kubernetes/*.json                    (draft-07 JSON Schemas for the editor)
// Run with: npx tsx src/cli/gen-known-fields.ts
// The types are read with the TypeScript compiler API, so nothing here is written by hand except
// the list of kinds to export, the handful of fields Go accepts as "anything", and the Go types
// TypeScript cannot express (GO_FIELD_TYPES: int64 widths, named string types, byte slices).
import { mkdirSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES_DIR = join(ROOT, 'node_modules/kubernetes-types');
const TREE_OUT = join(ROOT, 'src/engine/validation/known-fields.generated.json');
const SCHEMA_DIR = join(ROOT, 'public/schemas/kubernetes');
const COMMAND = 'npx tsx src/cli/gen-known-fields.ts';

/** Kinds whose fields the engine checks, by the `group/version` directory of their .d.ts file. */
const KINDS: Array<{ file: string; kind: string; schema: boolean }> = [
  { file: 'core/v1', kind: 'Namespace', schema: true },
  { file: 'core/v1', kind: 'Node', schema: true },
  { file: 'core/v1', kind: 'Pod', schema: true },
  { file: 'core/v1', kind: 'Service', schema: true },
  { file: 'core/v1', kind: 'Endpoints', schema: true },
  { file: 'core/v1', kind: 'ConfigMap', schema: true },
  { file: 'core/v1', kind: 'Secret', schema: true },
  { file: 'core/v1', kind: 'ServiceAccount', schema: false },
  { file: 'apps/v1', kind: 'Deployment', schema: true },
  { file: 'apps/v1', kind: 'ReplicaSet', schema: true },
  { file: 'apps/v1', kind: 'StatefulSet', schema: true },
  { file: 'apps/v1', kind: 'DaemonSet', schema: true },
  { file: 'batch/v1', kind: 'Job', schema: false },
  { file: 'batch/v1', kind: 'CronJob', schema: false },
  { file: 'discovery/v1', kind: 'EndpointSlice', schema: true },
  { file: 'networking/v1', kind: 'NetworkPolicy', schema: true },
  { file: 'networking/v1', kind: 'Ingress', schema: true },
  { file: 'networking/v1', kind: 'IngressClass', schema: true },
];

/** Fields whose Go type is free-form (RawExtension, JSON) even though the TS type names one. */
const FREE_FORM_TYPES = new Set(['runtime.RawExtension', 'apiextensions.v1.JSON']);

/**
 * Go types of the fields whose TypeScript type does not say how the API server decodes them:
 * kubernetes-types says `number` for int32 and int64 alike and `string` for named string types
 * (v1.Protocol) and base64 byte slices. Every other number is an int32, every other string a
 * string. Taken from the struct fields of k8s.io/api and k8s.io/apimachinery (meta/v1) types.go
 * on GO_TYPES_VERSION; the Go type is as decoding errors name it (pointers dropped, package
 * names, not import paths). A field listed here that the tree lacks fails the run.
 */
const GO_TYPES_VERSION = 'release-1.30';
const GO_FIELD_TYPES: Record<string, string[]> = {
  '[]int64': ['core.v1.PodSecurityContext.supplementalGroups'],
  int64: [
    'batch.v1.CronJobSpec.startingDeadlineSeconds', 'batch.v1.JobSpec.activeDeadlineSeconds', 'core.v1.PodSecurityContext.fsGroup',
    'core.v1.PodSecurityContext.runAsGroup', 'core.v1.PodSecurityContext.runAsUser', 'core.v1.PodSpec.activeDeadlineSeconds',
    'core.v1.PodSpec.terminationGracePeriodSeconds', 'core.v1.Probe.terminationGracePeriodSeconds', 'core.v1.SecurityContext.runAsGroup',
    'core.v1.SecurityContext.runAsUser', 'core.v1.ServiceAccountTokenProjection.expirationSeconds', 'core.v1.SleepAction.seconds',
    'core.v1.Toleration.tolerationSeconds', 'meta.v1.ObjectMeta.deletionGracePeriodSeconds', 'meta.v1.ObjectMeta.generation',
  ],
  'map[string][]uint8': ['core.v1.ConfigMap.binaryData', 'core.v1.Secret.data'],
  '[]v1.Capability': ['core.v1.Capabilities.add', 'core.v1.Capabilities.drop'],
  '[]v1.FinalizerName': ['core.v1.NamespaceSpec.finalizers'],
  '[]v1.IPFamily': ['core.v1.ServiceSpec.ipFamilies'],
  '[]v1.PersistentVolumeAccessMode': ['core.v1.PersistentVolumeClaimSpec.accessModes', 'core.v1.PersistentVolumeClaimStatus.accessModes'],
  '[]v1.PolicyType': ['networking.v1.NetworkPolicySpec.policyTypes'],
  'map[v1.ResourceName]v1.ClaimResourceStatus': ['core.v1.PersistentVolumeClaimStatus.allocatedResourceStatuses'],
  'types.UID': ['core.v1.ConfigMapNodeConfigSource.uid', 'core.v1.ObjectReference.uid', 'meta.v1.ObjectMeta.uid', 'meta.v1.OwnerReference.uid'],
  'v1.AddressType': ['discovery.v1.EndpointSlice.addressType'],
  'v1.AppArmorProfileType': ['core.v1.AppArmorProfile.type'],
  'v1.AzureDataDiskCachingMode': ['core.v1.AzureDiskVolumeSource.cachingMode'],
  'v1.CompletionMode': ['batch.v1.JobSpec.completionMode'],
  'v1.ConcurrencyPolicy': ['batch.v1.CronJobSpec.concurrencyPolicy'],
  'v1.ContainerRestartPolicy': ['core.v1.Container.restartPolicy', 'core.v1.EphemeralContainer.restartPolicy'],
  'v1.DNSPolicy': ['core.v1.PodSpec.dnsPolicy'],
  'v1.DaemonSetUpdateStrategyType': ['apps.v1.DaemonSetUpdateStrategy.type'],
  'v1.DeploymentStrategyType': ['apps.v1.DeploymentStrategy.type'],
  'v1.HostPathType': ['core.v1.HostPathVolumeSource.type'],
  'v1.IPFamilyPolicy': ['core.v1.ServiceSpec.ipFamilyPolicy'],
  'v1.LabelSelectorOperator': ['meta.v1.LabelSelectorRequirement.operator'],
  'v1.ManagedFieldsOperationType': ['meta.v1.ManagedFieldsEntry.operation'],
  'v1.MountPropagationMode': ['core.v1.VolumeMount.mountPropagation'],
  'v1.NodeInclusionPolicy': ['core.v1.TopologySpreadConstraint.nodeAffinityPolicy', 'core.v1.TopologySpreadConstraint.nodeTaintsPolicy'],
  'v1.NodeSelectorOperator': ['core.v1.NodeSelectorRequirement.operator'],
  'v1.OSName': ['core.v1.PodOS.name'],
  'v1.PathType': ['networking.v1.HTTPIngressPath.pathType'],
  'v1.PersistentVolumeClaimConditionType': ['core.v1.PersistentVolumeClaimCondition.type'],
  'v1.PersistentVolumeClaimPhase': ['core.v1.PersistentVolumeClaimStatus.phase'],
  'v1.PersistentVolumeClaimRetentionPolicyType': [
    'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted', 'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled',
  ],
  'v1.PersistentVolumeMode': ['core.v1.PersistentVolumeClaimSpec.volumeMode'],
  'v1.PodConditionType': ['batch.v1.PodFailurePolicyOnPodConditionsPattern.type', 'core.v1.PodReadinessGate.conditionType'],
  'v1.PodFSGroupChangePolicy': ['core.v1.PodSecurityContext.fsGroupChangePolicy'],
  'v1.PodFailurePolicyAction': ['batch.v1.PodFailurePolicyRule.action'],
  'v1.PodFailurePolicyOnExitCodesOperator': ['batch.v1.PodFailurePolicyOnExitCodesRequirement.operator'],
  'v1.PodManagementPolicyType': ['apps.v1.StatefulSetSpec.podManagementPolicy'],
  'v1.PodReplacementPolicy': ['batch.v1.JobSpec.podReplacementPolicy'],
  'v1.PreemptionPolicy': ['core.v1.PodSpec.preemptionPolicy'],
  'v1.ProcMountType': ['core.v1.SecurityContext.procMount'],
  'v1.Protocol': [
    'core.v1.ContainerPort.protocol', 'core.v1.EndpointPort.protocol', 'core.v1.ServicePort.protocol', 'discovery.v1.EndpointPort.protocol',
    'networking.v1.NetworkPolicyPort.protocol',
  ],
  'v1.PullPolicy': ['core.v1.Container.imagePullPolicy', 'core.v1.EphemeralContainer.imagePullPolicy'],
  'v1.RecursiveReadOnlyMode': ['core.v1.VolumeMount.recursiveReadOnly'],
  'v1.ResourceList': [
    'core.v1.PersistentVolumeClaimStatus.allocatedResources', 'core.v1.PersistentVolumeClaimStatus.capacity', 'core.v1.PodSpec.overhead',
    'core.v1.ResourceRequirements.limits', 'core.v1.ResourceRequirements.requests', 'core.v1.VolumeResourceRequirements.limits',
    'core.v1.VolumeResourceRequirements.requests',
  ],
  'v1.ResourceName': ['core.v1.ContainerResizePolicy.resourceName'],
  'v1.ResourceResizeRestartPolicy': ['core.v1.ContainerResizePolicy.restartPolicy'],
  'v1.RestartPolicy': ['core.v1.PodSpec.restartPolicy'],
  'v1.SeccompProfileType': ['core.v1.SeccompProfile.type'],
  'v1.SecretType': ['core.v1.Secret.type'],
  'v1.ServiceAffinity': ['core.v1.ServiceSpec.sessionAffinity'],
  'v1.ServiceExternalTrafficPolicy': ['core.v1.ServiceSpec.externalTrafficPolicy'],
  'v1.ServiceInternalTrafficPolicy': ['core.v1.ServiceSpec.internalTrafficPolicy'],
  'v1.ServiceType': ['core.v1.ServiceSpec.type'],
  'v1.StatefulSetUpdateStrategyType': ['apps.v1.StatefulSetUpdateStrategy.type'],
  'v1.StorageMedium': ['core.v1.EmptyDirVolumeSource.medium'],
  'v1.TaintEffect': ['core.v1.Taint.effect', 'core.v1.Toleration.effect'],
  'v1.TerminationMessagePolicy': ['core.v1.Container.terminationMessagePolicy', 'core.v1.EphemeralContainer.terminationMessagePolicy'],
  'v1.TolerationOperator': ['core.v1.Toleration.operator'],
  'v1.URIScheme': ['core.v1.HTTPGetAction.scheme'],
  'v1.UnsatisfiableConstraintAction': ['core.v1.TopologySpreadConstraint.whenUnsatisfiable'],
};
const goFieldTypes = new Map(Object.entries(GO_FIELD_TYPES).flatMap(([goType, fields]) => fields.map((field) => [field, goType] as const)));

/** Definitions that decode anything: Go types with their own UnmarshalJSON that keeps raw JSON. */
const TREE_FREE_FORM_TYPES = new Set([...FREE_FORM_TYPES, 'meta.v1.FieldsV1']);

/** How a scalar's JSON is decoded: by Go's json package for the builtin kinds, by the type's own
 * UnmarshalJSON for intOrString, quantity and time; bytes are base64; any decodes anything. */
type Decoding = 'any' | 'int32' | 'int64' | 'float64' | 'bool' | 'string' | 'intOrString' | 'quantity' | 'time' | 'bytes';

/** How one field is encoded in the compact tree: n the scalar `scalars[n]` (0 decodes anything),
 * "Def" an object of that definition, [ref] a list, {map: ref, go?} a map with string keys
 * (`go` names a named Go map type such as v1.ResourceList). */
type FieldRef = number | string | [FieldRef] | { map: FieldRef; go?: string };

interface Def {
  name: string;
  doc: string;
  props: Array<{ name: string; doc: string; optional: boolean; type: ts.Type; node: ts.TypeNode | undefined }>;
}

const fileNames = listDeclarationFiles(TYPES_DIR);
const program = ts.createProgram(fileNames, { strict: true, noEmit: true, skipLibCheck: true });
const checker = program.getTypeChecker();

const defs = new Map<string, Def>();
const defNameOf = new Map<ts.Symbol, string>();

function listDeclarationFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listDeclarationFiles(path));
    else if (entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/** `core.v1.Service` for the interface Service in core/v1.d.ts. */
function qualifiedName(symbol: ts.Symbol): string {
  const cached = defNameOf.get(symbol);
  if (cached) return cached;
  const decl = symbol.declarations?.[0];
  if (!decl) throw new Error(`no declaration for ${symbol.name}`);
  const file = relative(TYPES_DIR, decl.getSourceFile().fileName).replace(/\.d\.ts$/, '');
  const name = `${file.split('/').join('.')}.${symbol.name}`;
  defNameOf.set(symbol, name);
  return name;
}

function docOf(symbol: ts.Symbol): string {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
}

function interfaceSymbol(file: string, kind: string): ts.Symbol {
  const source = program.getSourceFile(join(TYPES_DIR, `${file}.d.ts`));
  if (!source) throw new Error(`missing ${file}.d.ts`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const symbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === kind);
  if (!symbol) throw new Error(`missing ${kind} in ${file}`);
  return symbol;
}

/** Registers an interface and, recursively, every interface its fields use. */
function collect(symbol: ts.Symbol): string {
  const name = qualifiedName(symbol);
  if (defs.has(name) || FREE_FORM_TYPES.has(name)) return name;
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  const def: Def = { name, doc: docOf(symbol), props: [] };
  defs.set(name, def);
  for (const prop of checker.getPropertiesOfType(type)) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    if (!decl) continue;
    const propType = checker.getTypeOfSymbolAtLocation(prop, decl);
    const node = ts.isPropertySignature(decl) ? decl.type : undefined;
    def.props.push({ name: prop.name, doc: docOf(prop), optional: (prop.flags & ts.SymbolFlags.Optional) !== 0, type: propType, node });
    visitType(propType);
  }
  def.props.sort((a, b) => a.name.localeCompare(b.name));
  return name;
}

function nonNullable(type: ts.Type): ts.Type {
  return checker.getNonNullableType(type);
}

function visitType(raw: ts.Type): void {
  const type = nonNullable(raw);
  if (checker.isArrayType(type)) {
    const [item] = checker.getTypeArguments(type as ts.TypeReference);
    if (item) visitType(item);
    return;
  }
  const named = namedInterface(type);
  if (named) collect(named);
}

function namedInterface(type: ts.Type): ts.Symbol | undefined {
  if (!(type.flags & ts.TypeFlags.Object)) return undefined;
  const symbol = type.aliasSymbol ?? type.getSymbol();
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Interface)) return undefined;
  return symbol;
}

function isMap(type: ts.Type): boolean {
  return type.flags & ts.TypeFlags.Object ? checker.getIndexInfosOfType(type).length > 0 && !namedInterface(type) : false;
}

// Decoding tree --------------------------------------------------------------------------------

/** [decoding, Go type] of each scalar the tree uses; index 0 decodes anything. */
const scalars: Array<[Decoding, string]> = [['any', '*']];

function scalar(decoding: Decoding, goType: string): number {
  const i = scalars.findIndex(([d, g]) => d === decoding && g === goType);
  return i >= 0 ? i : scalars.push([decoding, goType]) - 1;
}

function resolveSymbol(symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function isStringLiteral(node: ts.TypeNode): boolean {
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal);
}

/** The element type of `Array<T>`. */
function arrayElement(node: ts.TypeNode): ts.TypeNode | undefined {
  if (!ts.isTypeReferenceNode(node) || node.typeName.getText() !== 'Array') return undefined;
  return node.typeArguments?.[0];
}

/** A field's decoding, from its TypeScript declaration and, where TypeScript cannot say, its Go
 * type (`goType`, from GO_FIELD_TYPES: int64 widths, named string types, byte slices). */
function encodeNode(node: ts.TypeNode | undefined, goType: string | undefined, where: string): FieldRef {
  if (!node) return 0;
  if (ts.isParenthesizedTypeNode(node)) return encodeNode(node.type, goType, where);
  const element = ts.isArrayTypeNode(node) ? node.elementType : arrayElement(node);
  if (element) {
    if (goType !== undefined && !goType.startsWith('[]')) throw new Error(`${where}: Go type ${goType} is not a slice`);
    return [encodeNode(element, goType?.slice(2), where)];
  }
  if (ts.isTypeLiteralNode(node)) {
    const [index, ...rest] = node.members;
    if (!index || rest.length > 0 || !ts.isIndexSignatureDeclaration(index)) return 0;
    const goMap = goType?.match(/^map\[[^\]]+\](.+)$/);
    const value = encodeNode(index.type, goMap?.[1], where);
    return goType !== undefined ? { map: value, go: goType } : { map: value };
  }
  if (node.kind === ts.SyntaxKind.NumberKeyword) {
    const width = goType ?? 'int32';
    if (width !== 'int32' && width !== 'int64' && width !== 'float64') throw new Error(`${where}: unexpected Go number type ${width}`);
    return scalar(width, width);
  }
  if (node.kind === ts.SyntaxKind.StringKeyword) return goType === '[]uint8' ? scalar('bytes', goType) : scalar('string', goType ?? 'string');
  if (isStringLiteral(node) || (ts.isUnionTypeNode(node) && node.types.every(isStringLiteral))) return scalar('string', goType ?? 'string');
  if (goType !== undefined) throw new Error(`${where}: Go type ${goType} does not fit its TypeScript type`);
  if (ts.isUnionTypeNode(node)) {
    const kinds = node.types.map((t) => t.kind).sort();
    const intOrString = [ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.StringKeyword].sort();
    return kinds.join() === intOrString.join() ? scalar('intOrString', 'intstr.IntOrString') : 0;
  }
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return scalar('bool', 'bool');
  if (ts.isTypeReferenceNode(node)) {
    const symbol = resolveSymbol(checker.getSymbolAtLocation(node.typeName));
    if (symbol && symbol.flags & ts.SymbolFlags.Interface) {
      const name = qualifiedName(symbol);
      return TREE_FREE_FORM_TYPES.has(name) ? 0 : name;
    }
    if (symbol?.name === 'Quantity') return scalar('quantity', 'resource.Quantity');
    if (symbol?.name === 'Time' || symbol?.name === 'MicroTime') return scalar('time', `v1.${symbol.name}`);
  }
  return 0;
}

// JSON Schema ---------------------------------------------------------------------------------

type Schema = Record<string, unknown>;

function schemaOf(raw: ts.Type, refs: Set<string>): Schema {
  const type = nonNullable(raw);
  if (checker.isArrayType(type)) {
    const [item] = checker.getTypeArguments(type as ts.TypeReference);
    return { type: 'array', items: item ? schemaOf(item, refs) : {} };
  }
  const named = namedInterface(type);
  if (named) {
    const name = qualifiedName(named);
    if (FREE_FORM_TYPES.has(name)) return {};
    refs.add(name);
    return { $ref: `#/definitions/${name}` };
  }
  if (isMap(type)) {
    const [info] = checker.getIndexInfosOfType(type);
    return { type: 'object', additionalProperties: info ? schemaOf(info.type, refs) : {} };
  }
  if (type.isUnion()) {
    const literals = type.types.filter((t) => t.isStringLiteral()).map((t) => (t as ts.StringLiteralType).value);
    if (literals.length === type.types.length) return { type: 'string', enum: literals };
    const kinds = new Set(type.types.map((t) => primitiveName(t)));
    kinds.delete(undefined);
    return kinds.size === 1 ? { type: [...kinds][0] } : { type: [...kinds].sort() };
  }
  if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
  const primitive = primitiveName(type);
  return primitive ? { type: primitive } : {};
}

function primitiveName(type: ts.Type): string | undefined {
  if (type.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) return 'string';
  if (type.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return 'number';
  if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return 'boolean';
  return undefined;
}

/** A definition's schema; `metadata.labels` and the like stay open (maps), structs are closed. */
function definitionSchema(def: Def, refs: Set<string>): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const prop of def.props) {
    const schema = schemaOf(prop.type, refs);
    properties[prop.name] = prop.doc ? { description: prop.doc, ...schema } : schema;
    if (!prop.optional) required.push(prop.name);
  }
  const schema: Schema = { type: 'object' };
  if (def.doc) schema.description = def.doc;
  schema.properties = properties;
  if (required.length) schema.required = required;
  schema.additionalProperties = false;
  return schema;
}

function closure(root: string): Map<string, Schema> {
  const out = new Map<string, Schema>();
  const queue = [root];
  while (queue.length) {
    const name = queue.shift()!;
    if (out.has(name)) continue;
    const def = defs.get(name);
    if (!def) continue;
    const refs = new Set<string>();
    out.set(name, definitionSchema(def, refs));
    for (const ref of [...refs].sort()) if (!out.has(ref)) queue.push(ref);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

// Main ----------------------------------------------------------------------------------------

const version = (JSON.parse(readFileSync(join(TYPES_DIR, 'package.json'), 'utf8')) as { version: string }).version;
const roots = KINDS.map((k) => ({ ...k, def: collect(interfaceSymbol(k.file, k.kind)) }));

const tree: { '//': string; kinds: Record<string, string>; scalars: typeof scalars; defs: Record<string, Record<string, FieldRef>> } = {
  '//': `Generated by \`${COMMAND}\` from kubernetes-types ${version} and Go field types of k8s.io/api ${GO_TYPES_VERSION}. Do not edit by hand.`,
  kinds: {},
  scalars,
  defs: {},
};
for (const root of roots) tree.kinds[root.kind] = root.def;
for (const name of [...defs.keys()].sort()) {
  const fields: Record<string, FieldRef> = {};
  for (const prop of defs.get(name)!.props) fields[prop.name] = encodeNode(prop.node, goFieldTypes.get(`${name}.${prop.name}`), `${name}.${prop.name}`);
  tree.defs[name] = fields;
}
// status is written by controllers; manifests may describe observed state freely.
for (const root of roots) {
  const fields = tree.defs[root.def];
  if (fields && 'status' in fields) fields.status = 0;
}
pruneUnreachable(tree);
// The engine names a definition's Go type `v1.<Name>`, which holds while every kind is a v1 kind.
for (const name of Object.keys(tree.defs)) if (!/^\w+\.v1\.\w+$/.test(name)) throw new Error(`${name} is not in a v1 package`);
for (const field of goFieldTypes.keys()) {
  const at = field.lastIndexOf('.');
  if (tree.defs[field.slice(0, at)]?.[field.slice(at + 1)] === undefined) throw new Error(`GO_FIELD_TYPES names ${field}, which the tree does not have`);
}
writeFileSync(TREE_OUT, JSON.stringify(tree) + '\n');

rmSync(SCHEMA_DIR, { recursive: true, force: true });
mkdirSync(SCHEMA_DIR, { recursive: true });
const index: Array<{ apiVersion: string; kind: string; file: string }> = [];
const allDefinitions = new Map<string, Schema>();
for (const root of roots.filter((r) => r.schema)) {
  const definitions = closure(root.def);
  for (const [name, schema] of definitions) allDefinitions.set(name, schema);
  const apiVersion = apiVersionOf(root.file);
  const file = `${root.kind.toLowerCase()}.json`;
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: file,
    $comment: `Generated by \`${COMMAND}\` from kubernetes-types ${version}.`,
    title: `${apiVersion} ${root.kind}`,
    $ref: `#/definitions/${root.def}`,
    definitions: Object.fromEntries(definitions),
  };
  writeFileSync(join(SCHEMA_DIR, file), JSON.stringify(schema) + '\n');
  index.push({ apiVersion, kind: root.kind, file });
}
// One schema for a multi-document file: each document is checked against its own kind.
const all = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'all.json',
  $comment: `Generated by \`${COMMAND}\` from kubernetes-types ${version}.`,
  title: 'Kubernetes objects NetLab knows',
  type: 'object',
  properties: { apiVersion: { type: 'string' }, kind: { type: 'string', enum: index.map((i) => i.kind) } },
  allOf: index.map((i) => ({
    if: { properties: { kind: { const: i.kind } }, required: ['kind'] },
    then: { $ref: `#/definitions/${roots.find((r) => r.kind === i.kind)!.def}` },
  })),
  definitions: Object.fromEntries([...allDefinitions.entries()].sort(([a], [b]) => a.localeCompare(b))),
};
writeFileSync(join(SCHEMA_DIR, 'all.json'), JSON.stringify(all) + '\n');
writeFileSync(
  join(SCHEMA_DIR, 'index.json'),
  JSON.stringify({ $comment: `Generated by \`${COMMAND}\` from kubernetes-types ${version}.`, all: 'all.json', kinds: index }, null, 2) + '\n',
);
process.stdout.write(`wrote ${relative(ROOT, TREE_OUT)} (${Object.keys(tree.defs).length} definitions) and ${index.length + 2} schemas in ${relative(ROOT, SCHEMA_DIR)}\n`);

function apiVersionOf(file: string): string {
  const [group, version] = file.split('/') as [string, string];
  if (group === 'core') return version;
  const groups: Record<string, string> = { networking: 'networking.k8s.io', discovery: 'discovery.k8s.io' };
  return `${groups[group] ?? group}/${version}`;
}

/** Definitions a field refers to, however deeply it is nested in lists and maps. */
function refTargets(ref: FieldRef): string[] {
  if (typeof ref === 'string') return [ref];
  if (Array.isArray(ref)) return refTargets(ref[0]);
  if (typeof ref === 'object') return refTargets(ref.map);
  return [];
}

/** Drops definitions only reachable through the forced-open status fields, and the scalars only
 * they used (renumbering the rest in order of first use, so the output is stable). */
function pruneUnreachable(t: typeof tree): void {
  const seen = new Set<string>();
  const queue = Object.values(t.kinds);
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const ref of Object.values(t.defs[name] ?? {})) queue.push(...refTargets(ref));
  }
  for (const name of Object.keys(t.defs)) if (!seen.has(name)) delete t.defs[name];
  const renumbered = new Map<number, number>([[0, 0]]);
  const renumber = (ref: FieldRef): FieldRef => {
    if (typeof ref === 'number') {
      if (!renumbered.has(ref)) renumbered.set(ref, renumbered.size);
      return renumbered.get(ref)!;
    }
    if (Array.isArray(ref)) return [renumber(ref[0])];
    if (typeof ref === 'object') return { ...ref, map: renumber(ref.map) };
    return ref;
  };
  for (const fields of Object.values(t.defs)) for (const key of Object.keys(fields)) fields[key] = renumber(fields[key]!);
  t.scalars = [...renumbered.entries()].sort(([, a], [, b]) => a - b).map(([old]) => scalars[old]!);
}
