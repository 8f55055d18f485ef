import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/connect.ts';
import { registerErrorHandler } from './error-handler.ts';
import { healthRoutes } from './health.routes.ts';

export interface AppOptions {
  database: DatabaseHandle;
  logger?: boolean;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
}

/** Builds the HTTP application on an open database; tests call it and use `inject`, the server listens. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  await typed.register(healthRoutes, { prefix: '/api', database: options.database });
  return app;
}
