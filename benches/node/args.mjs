// The command line of the Node benchmarks (bench.mjs, variants.mjs): `option(name, fallback)`
// takes `name VALUE` out of the arguments (or gives `fallback`); `args` keeps the rest.

/** The arguments after the script's name, and a taker of `--name value` options. */
export function commandLine(argv = process.argv.slice(2)) {
  const args = [...argv];
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  return { args, option };
}
