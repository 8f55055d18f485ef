/** The command line of a benchmark: `[server|pglite|both] [--flag value]…`. */
export interface BenchArgs {
  argv: string[];
  /** The engines asked for (both when none is named); `server` means the PostgreSQL server. */
  engines: ('postgres' | 'pglite')[];
  /** A flag's number, or the fallback when the flag is absent. */
  option(flag: string, fallback: number): number;
}

export function benchArgs(argv: string[] = process.argv.slice(2)): BenchArgs {
  const which = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'both';
  const engines = (['postgres', 'pglite'] as const).filter(
    (engine) => which === 'both' || which === engine || (which === 'server' && engine === 'postgres'),
  );
  if (engines.length === 0) throw new Error(`${which}: not server, postgres, pglite or both`);
  return {
    argv,
    engines,
    option(flag, fallback) {
      const index = argv.indexOf(flag);
      if (index < 0) return fallback;
      const value = Number(argv[index + 1]);
      if (!Number.isFinite(value)) throw new Error(`${flag} needs a number, not ${argv[index + 1]}`);
      return value;
    },
  };
}
