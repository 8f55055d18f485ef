import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/connect.ts';
import { authPlugin } from './auth.plugin.ts';
import { authRoutes } from './auth.routes.ts';
import { registerErrorHandler } from './error-handler.ts';
import { healthRoutes } from './health.routes.ts';

export interface AppOptions {
  database: DatabaseHandle;
  logger?: boolean;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** Trust X-Forwarded-* headers (behind a reverse proxy that terminates HTTPS). */
  trustProxy?: boolean;
}

/** Builds the HTTP application on an open database; tests call it and use `inject`, the server listens. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
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
  const { db } = options.database;
  await app.register(authPlugin, { db });
  const typed = app.withTypeProvider<ZodTypeProvider>();
  await typed.register(healthRoutes, { prefix: '/api', database: options.database });
  await typed.register(authRoutes, { prefix: '/api', db });
  return app;
}
