import { contactFieldsSchema } from '../crm/validation';

/**
 * The quick actions of comments and descriptions: `/add_contacts` and `/remove_contacts` (SPEC §6)
 * and GitLab's time tracking ones (`/estimate`, `/remove_estimate`, `/spend`, `/remove_time_spent`
 * and their aliases), parsed the way GitLab's
 * Gitlab::QuickActions::Extractor does: a command is a line starting with `/` and the command name
 * (any case), followed by a space and its arguments; lines inside fenced code blocks (``` or ~~~),
 * `>>>` quote blocks or indented code are text. Pure: no database, no permissions.
 */

export const contactQuickActions = ['add_contacts', 'remove_contacts'] as const;
export type ContactQuickAction = (typeof contactQuickActions)[number];

export const timeQuickActions = ['estimate', 'remove_estimate', 'spend', 'remove_time_spent'] as const;
export type TimeQuickAction = (typeof timeQuickActions)[number];
export type QuickActionName = ContactQuickAction | TimeQuickAction;

/** GitLab's other names for the time tracking commands. */
const timeQuickActionAliases: Record<string, TimeQuickAction> = {
  estimate_time: 'estimate',
  remove_time_estimate: 'remove_estimate',
  spent: 'spend',
  spend_time: 'spend',
};

export interface ContactToken {
  /** The token as written, e.g. `[contact:alice@example.com]`. */
  raw: string;
  /** The email it names, or null when it is not a contact reference or an email. */
  email: string | null;
}

export interface ContactQuickActionCommand {
  name: ContactQuickAction;
  tokens: ContactToken[];
}

export interface TimeQuickActionCommand {
  name: TimeQuickAction;
  /** What follows the command name, trimmed ('' when nothing does). */
  argument: string;
}

export type QuickActionCommand = ContactQuickActionCommand | TimeQuickActionCommand;

export function isContactCommand(command: QuickActionCommand): command is ContactQuickActionCommand {
  return 'tokens' in command;
}

export interface ExtractedQuickActions {
  /** The text without the command lines (unchanged when there were none). */
  text: string;
  commands: QuickActionCommand[];
}

const commandNames = [...contactQuickActions, ...timeQuickActions, ...Object.keys(timeQuickActionAliases)];
const commandPattern = new RegExp(`^/(${commandNames.join('|')})(?:[ \\t]+(.*?))?[ \\t]*$`, 'i');
const fenceOpenPattern = /^ {0,3}(`{3,}|~{3,})/;
const emailSchema = contactFieldsSchema.shape.email;

/** `[contact:x]`, `["contact:x"]` or a bare email; returns the email, or null. */
export function contactEmailFromToken(token: string): string | null {
  let value = token;
  const reference = /^\[("?)contact:(.*?)\1\]$/i.exec(value);
  if (reference) value = reference[2] ?? '';
  else if (value.startsWith('[') || value.endsWith(']')) return null;
  value = value.replaceAll('"', '');
  const parsed = emailSchema.safeParse(value);
  return parsed.success && parsed.data ? value : null;
}

const openReference = /^\[("?)contact:/i;

/**
 * The arguments split on whitespace, except that a reference holding spaces (`[contact:Pedro
 * Alvarez]`, a name where an email belongs) stays one token, so the user is told about it whole.
 */
function splitTokens(argument: string): string[] {
  const words = argument.split(/\s+/).filter((word) => word !== '');
  const tokens: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    let end = index;
    if (openReference.test(word) && !word.endsWith(']')) {
      for (let next = index + 1; next < words.length && !words[next]!.startsWith('['); next += 1) {
        if (words[next]!.endsWith(']')) {
          end = next;
          break;
        }
      }
    }
    tokens.push(words.slice(index, end + 1).join(' '));
    index = end;
  }
  return tokens;
}

function parseArguments(argument: string | undefined): ContactToken[] {
  return splitTokens(argument ?? '').map((raw) => ({ raw, email: contactEmailFromToken(raw) }));
}

function toCommand(name: string, argument: string | undefined): QuickActionCommand {
  if ((contactQuickActions as readonly string[]).includes(name)) return { name: name as ContactQuickAction, tokens: parseArguments(argument) };
  return { name: timeQuickActionAliases[name] ?? (name as TimeQuickAction), argument: (argument ?? '').trim() };
}

function closesFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  const indent = line.length - line.trimStart().length;
  return indent <= 3 && trimmed.length >= fence.length && [...trimmed].every((char) => char === fence[0]);
}

export function extractQuickActions(body: string): ExtractedQuickActions {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  const commands: QuickActionCommand[] = [];
  let fence: string | null = null;
  let inQuoteBlock = false;

  for (const line of lines) {
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      kept.push(line);
      continue;
    }
    if (inQuoteBlock) {
      if (/^>>>\s*$/.test(line)) inQuoteBlock = false;
      kept.push(line);
      continue;
    }
    const opening = fenceOpenPattern.exec(line);
    if (opening?.[1]) {
      fence = opening[1];
      kept.push(line);
      continue;
    }
    if (/^>>>\s*$/.test(line)) {
      inQuoteBlock = true;
      kept.push(line);
      continue;
    }
    // Indented code starts with spaces or a tab, so it never matches: a command starts the line.
    const command = commandPattern.exec(line);
    if (command?.[1]) {
      commands.push(toCommand(command[1].toLowerCase(), command[2]));
      continue;
    }
    kept.push(line);
  }

  if (commands.length === 0) return { text: body, commands };
  // As GitLab: the remaining text loses the blank lines the commands leave at its ends.
  return { text: kept.join('\n').replace(/^\s*\n/, '').trimEnd(), commands };
}
