import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import { createAdvocatesModule } from './modules/advocates/index.ts';
import { createCareModule } from './modules/care/index.ts';
import { createCommerceModule, createTestProvider } from './modules/commerce/index.ts';
import { createGovernanceModule } from './modules/governance/index.ts';
import { createIdeasModule } from './modules/ideas/index.ts';
import { createIdentityModule } from './modules/identity/index.ts';
import { createListeningModule } from './modules/listening/index.ts';
import { createMailModule, type MailOptions } from './modules/mail/index.ts';
import { createMediaModule, type MediaStorage } from './modules/media/index.ts';
import { createNotificationsModule } from './modules/notifications/index.ts';
import { createPrivacyModule } from './modules/privacy/index.ts';
import { createRfpModule } from './modules/rfp/index.ts';
import { createSocialModule } from './modules/social/index.ts';
import type { Db } from './platform/db/database.ts';
import { errorCatalogue } from './platform/errors.ts';
import { Dispatcher } from './platform/events/dispatcher.ts';
import { EventBus } from './platform/events/outbox.ts';
import { registerAuth } from './platform/http/auth.ts';
import {
  frameworkErrors,
  problemSchema,
  registerErrorHandler,
  registerNotFound,
} from './platform/http/error-handler.ts';
import './platform/http/http.errors.ts';
import Type from 'typebox';
import { registerRateLimits } from './platform/http/rate-limit.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { registerTextGuard, validatorCompiler } from './platform/http/validation.ts';
import { LiveHub } from './platform/live/live-hub.ts';
import { streamRoutes } from './platform/live/stream.routes.ts';

export type AppDeps = {
  db: Db;
  modules?: ModuleOptions;
  config: Pick<Config, 'secureCookies' | 'rateLimits'> & Partial<Pick<Config, 'trustProxy'>>;
  logger?: FastifyServerOptions['logger'];
  /** How Fastify logs each request (see platform/logging.ts); Fastify's own when unset. */
  logController?: FastifyServerOptions['logController'];
  /** Directory of the built web app; served at / when it exists. */
  webDir?: string;
  /** Parallel event-delivery loops (default 1: all that PGlite's single connection allows). */
  dispatchWorkers?: number;
};

export type App = {
  app: FastifyInstance;
  modules: ReturnType<typeof composeModules>;
  events: EventBus;
  dispatcher: Dispatcher;
  live: LiveHub;
  /** Starts the work that runs beside requests: event delivery and releasing unpaid reservations. */
  startBackground(): void;
  stopBackground(): Promise<void>;
};

const RESERVATION_SWEEP_MS = 5000;
const MAIL_SWEEP_MS = 15_000;
const SPIKE_SWEEP_MS = 5 * 60_000;
const BRIEFING_SWEEP_MS = 60 * 60_000;

const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export type ModuleOptions = {
  /** Signs test-provider webhooks; random per process unless set, never a default secret. */
  paymentWebhookSecret?: string;
  /** How long the test provider's delayed cards wait before their outcome arrives. */
  paymentDelayMs?: number;
  reservationSeconds?: number;
  /** SMTP server and sender address; without an SMTP URL mail stays in the local outbox. */
  mail?: MailOptions;
  /** The address people open the web app at, for links in mail. */
  publicUrl?: string;
  /** Where uploaded images are stored (main: the data folder's media directory, or S3 when configured). */
  mediaStorage?: MediaStorage;
  /** Whether addresses users type (Mastodon instances, webhooks) may be on loopback or a private network. */
  outboundPrivate?: boolean;
};

/** Wires the modules together: plain functions, each given only what it needs. */
export function composeModules(db: Db, events: EventBus, live: LiveHub, options: ModuleOptions = {}) {
  const mail = createMailModule({ db, events, options: options.mail });
  const identity = createIdentityModule({ db, events, live, mail, publicUrl: options.publicUrl });
  const media = createMediaModule({ db, identity, storage: options.mediaStorage });
  const governance = createGovernanceModule({ db, identity });
  const social = createSocialModule({ db, events, identity, media, policy: governance.policy });
  const notifications = createNotificationsModule({
    ...{ db, events, identity, social, live, mail },
    publicUrl: options.publicUrl,
  });
  const payments = createTestProvider({
    webhookSecret: options.paymentWebhookSecret ?? randomBytes(32).toString('hex'),
    delayMs: options.paymentDelayMs,
  });
  const commerce = createCommerceModule({
    db,
    events,
    identity,
    social,
    media,
    payments,
    reservationSeconds: options.reservationSeconds,
  });
  payments.setDeliver((outcome) => commerce.orders.confirm(outcome));
  const care = createCareModule({ db, events, live, identity, social, commerce });
  const approvals = governance.withPublishing({ events, social, commerce, care });
  const ideas = createIdeasModule({ db, events, identity, commerce, care });
  const listening = createListeningModule({
    ...{ db, events, live, identity, social, notifications, mail, care, publicUrl: options.publicUrl },
    outboundPrivate: options.outboundPrivate ?? false,
  });
  const advocates = createAdvocatesModule({ db, events, identity, social, commerce, care, ideas });
  commerce.plugAudiences(advocates.audiences);
  social.plugBadges(advocates.badges);
  ideas.plugSegments(advocates.invites);
  approvals.advocacy.plugPoints(advocates.staffPoints);
  const privacy = createPrivacyModule({
    ...{ db, events, identity },
    parts: [
      social.personalData,
      commerce.personalData,
      care.personalData,
      ideas.personalData,
      notifications.preferences.personalData,
    ],
  });
  const rfp = createRfpModule({ db, events, identity, social, commerce, care });
  const briefings = listening.withBriefings({ care, ideas, rfp, commerce });
  return {
    mail,
    identity,
    media,
    governance,
    approvals,
    social,
    notifications,
    commerce,
    care,
    ideas,
    listening,
    advocates,
    privacy,
    rfp,
    briefings,
  };
}

/** A hop count trusts that many proxies nearest the server; Fastify's types take it as a function. */
const trustProxyOption = (trust: Config['trustProxy']) =>
  typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;

/** Builds the Fastify app without listening: `main` listens, tests call `inject()`. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger ?? false,
    logController: deps.logController,
    bodyLimit: 64 * 1024,
    genReqId: () => crypto.randomUUID(),
    trustProxy: trustProxyOption(deps.config.trustProxy ?? false),
    // Long enough for any id or handle to reach the validator, which names the field; longer is a 414.
    routerOptions: { maxParamLength: 500 },
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  registerErrorHandler(app);
  registerTextGuard(app);
  await app.register(helmet, securityHeaders);

  const events = new EventBus();
  const live = new LiveHub();
  const modules = composeModules(deps.db, events, live, deps.modules);
  // Every module's *.errors.ts is loaded by now: the Problem schema lists all their codes.
  app.addSchema(problemSchema(errorCatalogue()));
  const dispatcher = new Dispatcher(deps.db, events, app.log, { workers: deps.dispatchWorkers });

  await app.register(cookie);
  registerAuth(app, modules.identity.service.resolvePrincipal);
  await registerRateLimits(app, deps.config.rateLimits);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Souk API',
        version: '1',
        description:
          'Social commerce platform API. Authenticate with the session cookie (plus X-CSRF-Token on writes) or a personal API token as `Authorization: Bearer souk_…`. Errors are application/problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'souk_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string) || `def-${i}` },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const schema of [
    ...modules.media.schemas,
    ...modules.social.schemas,
    ...modules.commerce.schemas,
    ...modules.ideas.schemas,
    ...modules.rfp.schemas,
  ])
    app.addSchema(schema);
  await app.register(
    async (api) => {
      await api.register(modules.identity.routes({ secureCookies: deps.config.secureCookies }));
      await api.register(modules.media.routes);
      await api.register(modules.social.routes);
      await api.register(modules.notifications.routes);
      await api.register(modules.commerce.routes);
      await api.register(modules.care.routes);
      await api.register(modules.ideas.routes);
      await api.register(modules.listening.routes);
      await api.register(modules.advocates.routes);
      await api.register(modules.governance.routes);
      await api.register(modules.privacy.routes);
      await api.register(modules.approvals.routes);
      await api.register(modules.rfp.routes);
      await api.register(modules.briefings.routes);
      await api.register(streamRoutes(live, modules.identity.service.resolvePrincipal));
      api.get(
        '/health',
        {
          schema: {
            tags: ['platform'],
            summary: 'Liveness: the server answers',
            response: { 200: Type.Object({ ok: Type.Boolean() }) },
          },
        },
        async () => ({ ok: true }),
      );
    },
    { prefix: '/api/v1' },
  );

  const webDir = deps.webDir ?? defaultWebDir;
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false });
  registerNotFound(app, hasWeb);

  let sweeper: NodeJS.Timeout | undefined;
  let mailSweeper: NodeJS.Timeout | undefined;
  let spikeSweeper: NodeJS.Timeout | undefined;
  let briefingSweeper: NodeJS.Timeout | undefined;
  const writeWeeklyBriefings = () =>
    modules.briefings.service
      .writeWeekly()
      .catch((err) => app.log.error({ err }, 'writing weekly briefing books failed'));
  const findSpikes = () =>
    modules.listening.spikes.scanAll().catch((err) => app.log.error({ err }, 'looking for spikes failed'));
  const sendDueMail = () =>
    modules.mail.service.sendDue().catch((err) => app.log.error({ err }, 'sending due mail failed'));
  const sweep = () =>
    modules.commerce.orders
      .expireReservations()
      .catch((err) => app.log.error({ err }, 'releasing expired reservations failed'));
  return {
    app,
    modules,
    events,
    dispatcher,
    live,
    startBackground() {
      dispatcher.start();
      sweeper ??= setInterval(sweep, RESERVATION_SWEEP_MS);
      mailSweeper ??= setInterval(sendDueMail, MAIL_SWEEP_MS);
      spikeSweeper ??= setInterval(findSpikes, SPIKE_SWEEP_MS);
      briefingSweeper ??= setInterval(writeWeeklyBriefings, BRIEFING_SWEEP_MS);
      modules.advocates.job.start({ log: app.log });
      modules.approvals.job.start(app.log);
      modules.listening.sources.job.start(app.log);
    },
    async stopBackground() {
      clearInterval(sweeper);
      clearInterval(mailSweeper);
      clearInterval(spikeSweeper);
      spikeSweeper = undefined;
      clearInterval(briefingSweeper);
      briefingSweeper = undefined;
      sweeper = undefined;
      mailSweeper = undefined;
      modules.mail.service.close();
      await modules.advocates.job.stop();
      await modules.approvals.job.stop();
      await modules.listening.sources.job.stop();
      await dispatcher.stop();
    },
  };
}
