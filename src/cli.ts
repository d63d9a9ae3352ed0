// The command line: a thin shell over the library. Batch, validate and check
// commands live beside it in src/cli/.
import { Command } from 'commander';
import { parsePlanFile } from './read.js';
import { toJson } from './serialise.js';
import { InputError } from './errors.js';

function fail(file: string, e: unknown): never {
  const msg = e instanceof InputError ? e.message : e instanceof Error ? `internal error: ${e.message}` : String(e);
  process.stderr.write(`planparse: ${file}: ${msg}\n`);
  process.exit(1);
}

export async function main(argv: string[], version: string): Promise<void> {
  const program = new Command();
  program
    .name('planparse')
    .description('Parse scraped Chinese education work plans (工作要点) into validated JSON.')
    .version(version, '-v, --version')
    .argument('<file>', 'plan text (.txt) or Markdown (.md)')
    .option('--compact', 'print JSON on one line')
    .action(async (file: string, opts: { compact?: boolean }) => {
      let plan;
      try {
        plan = await parsePlanFile(file);
      } catch (e) {
        fail(file, e);
      }
      process.stdout.write(toJson(plan, !opts.compact) + '\n');
    });
  await program.parseAsync(argv);
}
