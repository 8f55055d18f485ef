import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '../db/connect.ts';
import { requireAdministrator } from './auth.plugin.ts';
import type { WorkPool } from './work/work-pool.ts';

/**
 * Prometheus metrics at `GET /metrics` (prom-client): the process's own (CPU, memory, event-loop
 * delay, garbage collection), every request counted and timed by route and status, and the
 * database pool's use, the worker pool's threads and queue. Readable by administrators only (an API token an administrator makes, sent
 * as a bearer token by the scraper): route names and counts tell an outsider how the office works.
 * Each application has a registry of its own, so two in one process (the tests) do not mix.
 */
export function registerMetrics(app: FastifyInstance, database: DatabaseHandle, work?: WorkPool): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'Requests answered, by method, route and status code.',
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by method, route and status code.',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'pobratim_database_connections',
    help: 'Connections of the database pool: open, idle among them, the most it opens, and queries waiting for one.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const use = database.connections?.();
      if (!use) return;
      for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, use[state]);
    },
  });

  new Gauge({
    name: 'pobratim_worker_jobs',
    help: 'The worker pool (extraction, report files): its threads, the jobs running and waiting, and those done since the start.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const use = work?.use();
      if (!use) return;
      for (const state of ['threads', 'running', 'queued', 'completed'] as const)
        this.set({ state }, use[state]);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern (`/api/visits/:id`), never the address itself: ids would make a series each.
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
  });
  app.addHook('onClose', async () => registry.clear());

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    requireAdministrator(request, 'Metrics are for administrators.');
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
