import type { Command } from 'commander';

/** `pobratim serve`: the web application and API on PORT, until SIGINT or SIGTERM. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the web application and API (PORT, HOST, DATA_DIR, DATABASE_URL configure it)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .action(async (options: { port?: string }) => {
      const [{ readConfig }, { startServer }] = await Promise.all([
        import('../config.ts'),
        import('../server/server.ts'),
      ]);
      const config = readConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}) });
      const server = await startServer(config);
      const engine = config.databaseUrl ? 'PostgreSQL server' : `embedded PostgreSQL in ${config.dataDir}`;
      console.log(`Pobratim is ready on ${server.url} (${engine})`);
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`${signal}: stopping…`);
        await server.stop();
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });
}
