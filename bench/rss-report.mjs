// Preloaded with --import into a measured Node process when GNU time is not
// installed: prints the process's own peak RSS and CPU time as it exits.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`planparse-bench maxrss-kb ${usage.maxRSS} cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
