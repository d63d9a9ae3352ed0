// Preloaded with --import into a measured Node process when GNU time is not
// installed: prints the process's own peak RSS as it exits.
process.on('exit', () => {
  process.stderr.write(`planparse-bench maxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
