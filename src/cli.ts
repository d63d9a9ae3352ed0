// The command line. Commands and their help are declared here and need only
// commander; each action loads its implementation from src/cli/ when it runs,
// so converting one file never loads the worker pool, remark-stringify or the
// JSON Schema generator.
import { existsSync } from 'node:fs';
import { editDistance } from './cli/edit-distance.js';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { registerTargetsCommand } from './cli/targets.js';
import { compareCommand } from './cli/compare.js';
import type { ConvertOptions } from './cli/convert.js';
import { parseByteSize } from './limits.js';
import { onStdoutError } from './cli/io.js';

/** dist/worker.js: resolved here because this module is an entry at the top of dist/. */
const workerUrl = new URL('./worker.js', import.meta.url);

function wholeNumber(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`expected a whole number of ${min} or more`);
    }
    return n;
  };
}

/** --max-size: `64M`, `512k`, `1g` or bytes (binary units). */
function byteSize(value: string): number {
  const n = parseByteSize(value);
  if (n === null) throw new InvalidArgumentError('expected a size such as 64M, 512k, 1g or a number of bytes');
  return n;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const jobsOption = () =>
  new Option('-j, --jobs <n>', 'files parsed in parallel by worker threads (default: number of CPU cores)').argParser(wholeNumber(1));
const colorOption = () => new Option('--color', 'colours even when piped or with NO_COLOR set');
const langOption = () =>
  new Option('--lang <language>', 'labels of the Markdown report: zh (标题, 年份, 发文机关 …) or en').choices(['zh', 'en']).default('zh');

/** -f's values; a table of targets is another command's job, and the error says which. */
function outputFormat(value: string): 'json' | 'jsonl' | 'md' {
  if (value === 'json' || value === 'jsonl' || value === 'md') return value;
  if (/^(csv|tsv|table|xlsx?)$/i.test(value)) {
    throw new InvalidArgumentError(`For a table of targets: planparse targets FILE --format ${value.toLowerCase() === 'table' ? 'table' : 'csv'}`);
  }
  throw new InvalidArgumentError('Allowed choices are json, jsonl, md.');
}

const stdinFormatOption = () =>
  new Option('--stdin-format <format>', 'how to read standard input (-): auto tells a web page or Markdown by its shape; files are read by extension').choices(['auto', 'text', 'markdown', 'html']).default('auto');

const CONVERT_HELP = `
Inputs:
  FILE          a plan text (.txt), Markdown (.md) or a saved web page
                (.html .htm .shtml .xhtml, or any file that opens with
                <!DOCTYPE html> or <html>); encoding is detected
  DIR           every *.txt, *.md and web page under DIR, recursively
  'GLOB'        a fast-glob pattern (quote it), e.g. 'plans/**/*.txt'
  -             standard input (also read when no input is given and
                standard input is a pipe: cat plan.txt | planparse); a web
                page or Markdown is told by its shape (--stdin-format to say)

Outputs:
  one input     JSON on stdout (indented, keys coloured, on a terminal;
                one line when piped), or -o FILE
  a batch       --out-dir DIR: one NAME.json per input, relative paths mirrored
                --jsonl: one JSON document per line, in input order (stdout or -o)
                --format md: one combined Markdown report (stdout or -o)
  A directory or a pattern is always a batch.
  source.path is each input's path relative to the working directory
  (corpus/a.txt however it was typed): run from the same folder each time.

Safety:
  Outputs are written to a temporary file and renamed into place; a symbolic
  link is followed, a device or FIFO written through, a directory refused. An
  input is never overwritten. An --out-dir output is up to date (left alone)
  only when written by this version with the same options from the same,
  unchanged input (DIR/.planparse-cache.json); --force rewrites it. --check
  compares with the outputs and writes nothing.

Exit status:
  0 every input converted (or up to date)
  1 some input failed (named on stderr), or --strict found warnings
  2 usage error
  130 interrupted (SIGINT; 143 SIGTERM): temporary files removed, summary printed

Examples:
  $ planparse plan.txt > plan.json
  $ planparse plan.txt --pretty -o plan.json
  $ planparse scraped/ --out-dir json/ --jobs 4
  $ planparse 'portals/**/*.txt' --jsonl > plans.jsonl
  $ curl -s https://example.org/plan.txt | planparse - --pretty
  $ planparse plan.txt --format md > plan.md
  $ planparse page.html --pretty
  $ curl -s https://example.org/plan.html | planparse - --stdin-format html
  $ planparse corpus/ --out-dir json/ --check      (CI: committed JSON in step)
  $ planparse scraped/ --format md -o report.md
  $ cat plan.txt | planparse

planparse help COMMAND shows the help of a command (check, validate, schema,
targets, compare).
`;

const CHECK_HELP = `
Fails (exit 1) when a file cannot be parsed, when a diagnostic is at or above
--fail-on (default: error), or when there are more warnings than
--max-warnings. The report goes to stdout, the summary to stderr.

Reporters:
  text    FILE:LINE: severity code message (as --strict prints them)
  json    one JSON object: {files: [{path, ok, error, findings}], summary}
  github  GitHub Actions workflow commands (::warning file=…,line=…::message),
          shown as annotations on the pull request

Exit status: 0 passed, 1 failed, 2 usage error, 130 interrupted

Examples:
  $ planparse check corpus/
  $ planparse check corpus/ --strict
  $ planparse check 'corpus/**/*.txt' --max-warnings 20 --reporter github
`;

const VALIDATE_HELP = `
Every .json file is one document; every line of a .jsonl file is one document
(standard input holding JSON Lines too), and the summary then counts documents.
Each problem is named with its file, its JSON path ($.sections[0].items[2].number),
for JSON Lines its line, the value found and what the schema allows there:
  plan.json: error schema $.meta.year: the string "2020"; allowed: a whole number, or null
  plans.jsonl:7: error schema $.extra: unknown property (the schema allows no additional properties)

Exit status: 0 all valid, 1 some invalid or unreadable, 2 usage error

Examples:
  $ planparse validate json/
  $ planparse validate plans.jsonl --reporter github
  $ planparse plan.txt | planparse validate -
`;

const SCHEMA_HELP = `
The JSON Schema (draft 2020-12) generated from the same zod schema the parser
and \`validate\` use; schemas/plan.schema.json in the package is the same text.

Examples:
  $ planparse schema > plan.schema.json
`;

// The converter's options as commander hands them over (a type only: nothing loads).
type ConvertFlags = ConvertOptions;

function checkCommand(): Command {
  return new Command('check')
    .description('parse plan texts and fail on diagnostics (for CI)')
    .argument('<inputs...>', 'plan texts: files, directories, glob patterns, or -')
    .addOption(new Option('-r, --reporter <name>', 'report format').choices(['text', 'json', 'github']).default('text'))
    .addOption(new Option('--fail-on <severity>', 'lowest diagnostic severity that fails the check').choices(['error', 'warning', 'info']).default('error'))
    .option('--max-warnings <n>', 'fail when there are more warnings than this', wholeNumber(0))
    .option('--strict', 'fail on any warning (same as --fail-on warning)')
    .addOption(jobsOption())
    .addOption(stdinFormatOption())
    .option('-q, --quiet', 'no summary, no progress bar')
    .option('--no-progress', 'no progress bar')
    .option('--no-color', 'no colours (also: NO_COLOR=1; never when piped)')
    .addOption(colorOption())
    .addHelpText('after', CHECK_HELP)
    .action(async (inputs: string[], flags) => {
      const { runCheck } = await import('./cli/check.js');
      process.exitCode = await runCheck(inputs, flags, { workerUrl });
    });
}

function validateCommand(): Command {
  return new Command('validate')
    .description('check JSON documents against the plan schema')
    .argument('<inputs...>', 'JSON (.json) or JSON Lines (.jsonl) files, directories, glob patterns, or -')
    .addOption(new Option('-r, --reporter <name>', 'report format').choices(['text', 'json', 'github']).default('text'))
    .option('-q, --quiet', 'no summary')
    .option('--no-color', 'no colours (also: NO_COLOR=1; never when piped)')
    .addOption(colorOption())
    .addHelpText('after', VALIDATE_HELP)
    .action(async (inputs: string[], flags) => {
      const { runValidate } = await import('./cli/validate.js');
      process.exitCode = await runValidate(inputs, flags);
    });
}

function schemaCommand(): Command {
  return new Command('schema')
    .description('print the JSON Schema of the output')
    .addHelpText('after', SCHEMA_HELP)
    .action(async () => {
      const { planJsonSchemaText } = await import('./json-schema.js');
      process.stdout.write(planJsonSchemaText());
    });
}

export async function main(argv: string[], version: string): Promise<void> {
  const program = new Command();
  program
    .name('planparse')
    // Without this, `planparse check x --strict` would hand --strict to the
    // converter's option of the same name instead of to `check`.
    .enablePositionalOptions()
    .usage('[options] <file|dir|glob|->...\n       planparse <command> [options]')
    .description('Parse scraped Chinese education work plans (工作要点) into validated JSON.')
    .version(version, '-v, --version')
    .argument('[inputs...]', 'plan texts: files, directories, glob patterns, or - for stdin')
    .option('-o, --output <file>', 'write to FILE instead of stdout (one input, or --jsonl)')
    .option('-d, --out-dir <dir>', 'write one file per input into DIR, mirroring relative paths')
    .option('--jsonl', 'one JSON document per line, in input order (same as --format jsonl)')
    .addOption(new Option('-f, --format <format>', 'output format: json, jsonl or md (default: json)').argParser(outputFormat))
    .option('--pretty', 'indent JSON (default on a terminal; piped: one line per document); Markdown: facts as a table')
    .option('--no-pretty', 'one line per document even on a terminal')
    .addOption(langOption())
    .addOption(jobsOption())
    .option('--force', 'rewrite outputs even when they are up to date (same input, version and options as when written)')
    .option('--strict', 'exit 1 when any document has warnings (and print them)')
    .addOption(stdinFormatOption())
    .option('-q, --quiet', 'no summary, no progress bar')
    .option('--no-progress', 'no progress bar (it is shown only when stderr is a terminal)')
    .option('--no-color', 'no colours (also: NO_COLOR=1; never when piped)')
    .option('--check', 'compare with the existing outputs and write nothing; exit 1 listing those that would change')
    .option('--max-size <size>', 'refuse inputs larger than this (default 64M)', byteSize)
    .option('--ignore <pattern>', 'leave out inputs matching this .gitignore-style pattern (repeatable; also !PATTERN operands)', collect)
    .addOption(colorOption())
    .addHelpText('after', CONVERT_HELP)
    .action(async (inputs: string[], flags: ConvertFlags) => {
      const { runConvert } = await import('./cli/convert.js');
      // `cat plan.txt | planparse`: a pipe with no operand is the input.
      if (inputs.length === 0 && !process.stdin.isTTY) inputs = ['-'];
      process.exitCode = await runConvert(inputs, flags, { workerUrl });
    });

  // Subcommands: a module exports a function returning a commander Command.
  program.addCommand(checkCommand());
  program.addCommand(validateCommand());
  program.addCommand(schemaCommand());
  registerTargetsCommand(program);
  program.addCommand(compareCommand());
  // `planparse help` and `planparse help check`, as git and npm have them.
  program.helpCommand('help [command]', 'show the help of planparse or of a command');
  // --color is told apart from --no-color's default by where the value came from.
  program.hook('preAction', async (_program, action) => {
    if (action.getOptionValueSource('color') === 'cli' && action.getOptionValue('color') === true) {
      (await import('./cli/ui.js')).forceColour();
    }
  });

  // Usage errors exit 2 (commander's default is 1, which we keep for failed files).
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride();
    cmd.showHelpAfterError(`(${cmd === program ? 'planparse' : `planparse ${cmd.name()}`} --help shows the usage)`);
    cmd.configureOutput({ outputError: (text, write) => write(`planparse: ${text.replace(/^error: /, '')}`) });
  }
  // A reader that goes away (`planparse dir --jsonl | head`) ends the run: not
  // everything was delivered, so exit 1, but without a stack trace. Any other
  // write failure (a full disk: ENOSPC) is named, on one line.
  process.stdout.on('error', onStdoutError);
  // `planparse help nosuch`: commander would show the general help and exit 0.
  const asked = argv[2] === 'help' ? argv[3] : undefined;
  if (asked !== undefined && !asked.startsWith('-') && !program.commands.some((c) => c.name() === asked)) {
    const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
    process.stderr.write(`planparse: no command named ${JSON.stringify(asked)} (commands: ${names.join(', ')})\n`);
    process.exitCode = 2;
    return;
  }
  // `planparse chek plan.txt`: a command name mistyped would be read as a file to convert.
  const first = argv[2];
  if (first !== undefined && !first.startsWith('-') && !/[./\\]/.test(first) && !existsSync(first)) {
    const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help' && n !== first);
    const near = names.find((n) => editDistance(first.toLowerCase(), n) <= (n.length > 5 ? 2 : 1));
    if (near !== undefined && !program.commands.some((c) => c.name() === first)) {
      process.stderr.write(`planparse: no command and no file named ${JSON.stringify(first)}: did you mean ${JSON.stringify(near)}? (commands: ${names.join(', ')})\n`);
      process.exitCode = 2;
      return;
    }
  }
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      const shown = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      process.exitCode = shown ? 0 : 2;
      return;
    }
    // Only a bug gets here; still one line, no stack trace.
    process.stderr.write(`planparse: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}

