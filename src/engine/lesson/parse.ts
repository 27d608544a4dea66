// parseLesson: a lesson file (frontmatter + markdown with directives) to its plain-JSON form.
import { joinRelative } from '../scenario/load.ts';
import { readChallenge } from './challenge.ts';
import { markdownOf, parseDirectives, type ContainerNode, type DirectiveNode, type FenceNode, type TextNode } from './directives.ts';
import { parseFrontmatter, splitFrontmatter } from './frontmatter.ts';
import { readQuiz } from './quiz.ts';
import type { CalloutVariant, Lesson, LessonBlock, LessonError } from './types.ts';

type Problem = { line: number; message: string };

const CALLOUTS: readonly CalloutVariant[] = ['note', 'tip', 'warning', 'danger'];
const DIRECTIVES = ['playground', 'challenge', 'quiz', 'callout', ...CALLOUTS, 'cheatsheet'];

/** Parses a lesson file; every problem comes back with its line, and no lesson when there is any. */
export function parseLesson(path: string, text: string): { lesson: Lesson } | { errors: LessonError[] } {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const split = splitFrontmatter(source);
  const errors = (problems: Problem[]): { errors: LessonError[] } => ({
    errors: [...problems].sort((a, b) => a.line - b.line).map((p) => ({ file: path, line: p.line, message: p.message })),
  });
  if (!split) return errors([{ line: 1, message: 'a lesson starts with YAML frontmatter between two "---" lines (id, title, objectives, minutes)' }]);
  const problems: Problem[] = [];
  const front = parseFrontmatter(split.yaml);
  if ('problems' in front) problems.push(...front.problems);

  const { nodes, problems: directiveProblems } = parseDirectives(split.body, split.bodyLine);
  problems.push(...directiveProblems);
  const blocks = readBlocks(path, nodes, problems);
  if (split.body.trim() === '') problems.push({ line: split.bodyLine, message: 'the lesson has no content after the frontmatter' });

  const ids = new Map<string, number>();
  for (const b of blocks) {
    const id = b.kind === 'challenge' ? b.id : b.kind === 'quiz' ? b.item.id : undefined;
    if (id === undefined) continue;
    if (ids.has(id)) problems.push({ line: b.line, message: `id "${id}" is used twice in this lesson (first at line ${ids.get(id)})` });
    else ids.set(id, b.line);
  }
  if (problems.length > 0 || 'problems' in front) return errors(problems);
  return { lesson: { file: path, ...front.frontmatter, blocks } };
}

function readBlocks(path: string, nodes: DirectiveNode[], problems: Problem[]): LessonBlock[] {
  const blocks: LessonBlock[] = [];
  let prose: Array<TextNode | FenceNode> = [];
  let firstPlayground: string | undefined;
  const flush = () => {
    const text = markdownOf(prose);
    if (text !== '') blocks.push({ kind: 'markdown', line: prose.find((n) => n.lines.some((l) => l.trim() !== ''))?.line ?? prose[0]!.line, text });
    prose = [];
  };
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'fence') {
      prose.push(node);
      continue;
    }
    flush();
    if (!DIRECTIVES.includes(node.name)) {
      problems.push({ line: node.line, message: `unknown directive ${node.type === 'leaf' ? '::' : ':::'}${node.name} (expected one of: ${DIRECTIVES.join(', ')})` });
      continue;
    }
    if (node.name === 'playground') {
      const scenario = node.attrs.values.scenario;
      if (!scenario) problems.push({ line: node.line, message: 'playground needs scenario="playground.scenario.yaml" (a file in the lesson folder)' });
      else if (!/\.scenario\.ya?ml$/.test(scenario)) problems.push({ line: node.line, message: `playground scenario "${scenario}" must be a *.scenario.yaml file` });
      for (const key of Object.keys(node.attrs.values)) if (key !== 'scenario') problems.push({ line: node.line, message: `playground: unknown attribute "${key}" (expected scenario)` });
      const text = node.type === 'container' ? markdownOf(proseOf(node, problems)) : '';
      if (scenario) {
        firstPlayground ??= scenario;
        blocks.push({ kind: 'playground', line: node.line, scenario, path: joinRelative(path, scenario), text });
      }
      continue;
    }
    if (node.type === 'leaf') {
      problems.push({ line: node.line, message: `::${node.name} is a container: write :::${node.name} … and close it with :::` });
      continue;
    }
    if (node.name === 'challenge') {
      const challenge = readChallenge(path, node, problems);
      if (challenge) blocks.push(challenge);
    } else if (node.name === 'quiz') {
      const item = readQuiz(path, node, firstPlayground, problems);
      if (item) blocks.push({ kind: 'quiz', line: node.line, item });
    } else if (node.name === 'cheatsheet') {
      const text = markdownOf(proseOf(node, problems));
      if (text === '') problems.push({ line: node.line, message: ':::cheatsheet is empty' });
      blocks.push({ kind: 'cheatsheet', line: node.line, text });
    } else {
      const variant = node.name === 'callout' ? node.attrs.values.variant ?? 'note' : node.name;
      if (!(CALLOUTS as readonly string[]).includes(variant)) problems.push({ line: node.line, message: `callout variant "${variant}" is not one of ${CALLOUTS.join(', ')}` });
      const text = markdownOf(proseOf(node, problems));
      if (text === '') problems.push({ line: node.line, message: `:::${node.name} is empty` });
      blocks.push({ kind: 'callout', line: node.line, variant: variant as CalloutVariant, title: node.label, text });
    }
  }
  flush();
  return blocks;
}

/** A container's markdown children; nested directives are reported (these containers hold prose). */
function proseOf(node: ContainerNode, problems: Problem[]): Array<TextNode | FenceNode> {
  const out: Array<TextNode | FenceNode> = [];
  for (const child of node.children) {
    if (child.type === 'text' || child.type === 'fence') out.push(child);
    else problems.push({ line: child.line, message: `:::${node.name} cannot contain directives (found ${child.type === 'leaf' ? '::' : ':::'}${child.name})` });
  }
  return out;
}
