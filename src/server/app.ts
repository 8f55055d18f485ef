import path from 'node:path';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { SIGNED_IN } from '../plugins/openapi.ts';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { FileLimits, LogLevel } from '../config.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import {
  agreementRoutes,
  eventRoutes,
  organizationRoutes,
  personRoutes,
  planItemRoutes,
  projectRoutes,
  programItemRoutes,
  visitRoutes,
} from '../routes/records.routes.ts';
import { cityRoutes } from '../routes/city.routes.ts';
import { personCardRoutes } from '../routes/person-card.routes.ts';
import { countryRoutes } from '../routes/country.routes.ts';
import { homeCityRoutes } from '../routes/home-city.routes.ts';
import { documentRoutes } from '../routes/document.routes.ts';
import { auditRoutes } from '../routes/audit.routes.ts';
import { apiTokenRoutes } from '../routes/api-token.routes.ts';
import { userRoutes } from '../routes/user.routes.ts';
import { searchRoutes } from '../routes/search.routes.ts';
import { fileRoutes } from '../routes/file.routes.ts';
import { setupRoutes } from '../routes/setup.routes.ts';
import { twinSuggestionRoutes } from '../routes/twin-suggestion.routes.ts';
import { twinningRoutes } from '../routes/twinning.routes.ts';
import { detailRoutes } from '../routes/visit-details.routes.ts';
import { programOrderRoutes } from '../routes/program-order.routes.ts';
import { calendarRoutes } from '../routes/calendar.routes.ts';
import { reminderRoutes } from '../routes/reminder.routes.ts';
import { exportRoutes } from '../routes/exports.routes.ts';
import { pressReleaseRoutes } from '../routes/press-release.routes.ts';
import { annualReportRoutes } from '../routes/annual-report.routes.ts';
import { agreementListRoutes } from '../routes/agreement-list.routes.ts';
import { agreementStageRoutes } from '../routes/agreement-stage.routes.ts';
import { legalSettingsRoutes } from '../routes/legal-settings.routes.ts';
import { statisticsRoutes } from '../routes/statistics.routes.ts';
import { authPlugin } from '../plugins/auth.plugin.ts';
import { authRoutes } from '../routes/auth.routes.ts';
import { errorBodySchema, registerErrorHandler } from '../plugins/error-handler.ts';
import { healthRoutes } from '../routes/health.routes.ts';
import { loggerOptions } from '../plugins/logging.ts';
import { registerMetrics } from '../plugins/metrics.ts';
import { backupRoutes } from '../routes/backup.routes.ts';
import { mailRoutes } from '../routes/mail.routes.ts';
import { registerInputGuard } from '../plugins/input-guard.ts';
import { registerSecurityHeaders } from '../plugins/security-headers.ts';
import { webPlugin } from '../plugins/web.plugin.ts';
import { defaultWorkPoolOptions, WorkPool, type WorkPoolOptions } from '../plugins/work/work-pool.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The worker threads for heavy work: extraction, report files (src/plugins/work). */
    work: WorkPool;
  }
}

export interface AppOptions {
  database: DatabaseHandle;
  /** What the server logs (nothing unless asked), and where: standard output unless a stream is given. */
  log?: { level: LogLevel; stream?: NodeJS.WritableStream };
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** Trust X-Forwarded-* headers (behind a reverse proxy that terminates HTTPS). */
  trustProxy?: boolean;
  /** Where the scheduled backups and «back up now» write their files (default ./data/backups). */
  backupDir?: string;
  /** How large attached files may be (FILE_MAX_MB, FILES_TOTAL_MAX_MB); 20 MB and 2 GB by default. */
  fileLimits?: FileLimits;
  /** The worker pool's size, queue and time limit (WORKER_*); a thread per core by default. */
  workPool?: WorkPoolOptions;
}

/** Builds the HTTP application on an open database; tests call it and use `inject`, the server listens. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.log ? loggerOptions(options.log.level, options.log.stream) : { logger: false }),
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  // Responses are typed by the services from the same zod schemas; the schemas describe them in the
  // OpenAPI document, and re-checking every reply through zod would only cost time.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerErrorHandler(app);
  registerInputGuard(app);
  await registerSecurityHeaders(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Pobratim API',
        description: 'The registry of twin cities, partner institutions, visits, agreements and events.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pobratim_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The UI's files come from the installed package: the documentation works offline.
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  // Every route documents the one error shape, with the stable codes of src/errors.ts.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    route.schema = {
      ...route.schema,
      // Signed in by the session cookie or a bearer token, unless the route says it is public.
      security: route.schema?.security ?? SIGNED_IN,
      response: { ...(route.schema?.response as object), '4XX': errorBodySchema, '5XX': errorBodySchema },
    };
  });
  const { db } = options.database;
  const work = new WorkPool(options.workPool ?? defaultWorkPoolOptions());
  app.decorate('work', work);
  // A listening server starts its threads now, each loading the extractor's dictionaries; tests
  // that only inject start one on their first job. Closing waits for the jobs running.
  app.addHook('onListen', (done) => {
    work.start();
    done();
  });
  app.addHook('onClose', async () => work.close());
  await app.register(authPlugin, { db });
  registerMetrics(app, options.database, work);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  await typed.register(healthRoutes, { prefix: '/api', database: options.database });
  await typed.register(authRoutes, { prefix: '/api', db });
  for (const routes of [
    organizationRoutes,
    personRoutes,
    personCardRoutes,
    visitRoutes,
    detailRoutes,
    programItemRoutes,
    programOrderRoutes,
    agreementRoutes,
    agreementStageRoutes,
    legalSettingsRoutes,
    planItemRoutes,
    projectRoutes,
    eventRoutes,
    cityRoutes,
    countryRoutes,
    homeCityRoutes,
    twinningRoutes,
    twinSuggestionRoutes,
    setupRoutes,
    documentRoutes,
    searchRoutes,
    auditRoutes,
    userRoutes,
    apiTokenRoutes,
    reminderRoutes,
    calendarRoutes,
    exportRoutes,
    pressReleaseRoutes,
    annualReportRoutes,
    agreementListRoutes,
    statisticsRoutes,
    mailRoutes,
  ]) {
    await typed.register(routes, { prefix: '/api', db });
  }
  await typed.register(backupRoutes, {
    prefix: '/api',
    db,
    backupDir: options.backupDir ?? path.resolve('data', 'backups'),
  });
  await typed.register(fileRoutes, {
    prefix: '/api',
    db,
    ...(options.fileLimits && { limits: options.fileLimits }),
  });
  await app.register(webPlugin);
  return app;
}
