// .gitignore inside a git work tree, as git reads it: the rules of every
// .gitignore from the top of the tree down to a file's folder (deeper ones
// win) and .git/info/exclude; a file in an ignored folder is ignored.
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The top of the git work tree holding `dir` (absolute), or null outside one. */
export async function findWorkTree(dir: string): Promise<string | null> {
  for (let at = dir; ; at = dirname(at)) {
    // `.git` is a folder, or a file in a worktree or submodule.
    if (await stat(join(at, '.git')).then(() => true, () => false)) return at;
    if (dirname(at) === at) return null;
  }
}

function readRules(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export class GitIgnore {
  /** Each folder's own rules (null: it has no .gitignore). */
  private readonly layers = new Map<string, Ignore | null>();
  private readonly folders = new Map<string, boolean>();
  private readonly exclude: Ignore | null;

  constructor(private readonly root: string) {
    const rules = readRules(join(root, '.git', 'info', 'exclude'));
    this.exclude = rules ? ignore().add(rules) : null;
  }

  private layer(dir: string): Ignore | null {
    if (!this.layers.has(dir)) {
      const rules = readRules(join(dir, '.gitignore'));
      this.layers.set(dir, rules ? ignore().add(rules) : null);
    }
    return this.layers.get(dir)!;
  }

  /** The rules alone on this path, its folders not considered. */
  private own(abs: string, isDir: boolean): boolean {
    const rel = relative(this.root, abs);
    const parts = rel.split(sep);
    const suffix = isDir ? '/' : '';
    let ignored = false;
    const apply = (ig: Ignore | null, from: string) => {
      if (!ig) return;
      const r = ig.test(relative(from, abs).split(sep).join('/') + suffix);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    };
    apply(this.exclude, this.root);
    let dir = this.root;
    apply(this.layer(dir), dir);
    for (const part of parts.slice(0, -1)) {
      dir = join(dir, part);
      apply(this.layer(dir), dir);
    }
    return ignored;
  }

  private folderIgnored(abs: string): boolean {
    let known = this.folders.get(abs);
    if (known === undefined) {
      const parent = dirname(abs);
      known = (parent !== this.root && parent.startsWith(this.root) && this.folderIgnored(parent)) || this.own(abs, true);
      this.folders.set(abs, known);
    }
    return known;
  }

  /** Whether git ignores this path (absolute); paths outside the tree never are. */
  ignores(abs: string, isDir: boolean): boolean {
    const rel = relative(this.root, abs);
    if (rel === '' || rel.startsWith('..')) return false;
    if (rel.split(sep)[0] === '.git') return true;
    const parent = dirname(abs);
    if (parent !== this.root && this.folderIgnored(parent)) return true;
    return isDir ? this.folderIgnored(abs) : this.own(abs, false);
  }
}
