import { dirname, resolve } from 'node:path';
import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { Pickle } from '@cucumber/messages';
import type { Page } from 'playwright';
import type { Actor } from '../actors/actor';
import { Note, Notepad } from '../actors/notes';
import { Stage } from '../actors/stage';
import { CallerIdApi } from '../api/caller-id-api';
import { Cast } from '../api/cast';
import type { BrowserSession } from '../browser/browser-session';
import type { Contract } from '../contract/load';
import toPath from 'lodash/toPath';
import {
  authorize,
  credentialsAskedFor,
  securityScheme,
  type Authorization,
} from '../contract/authorization';
import { interpolate } from '../contract/interpolation';
import { buildRequest, emptyCall, valueAtPath, type PreparedCall } from '../contract/operation-call';
import { ScenarioDefect, UsageError } from '../errors';
import { HttpClient, type ApiRequest, type ApiResponse } from '../http/client';
import { BROWSER_KIND, EXCHANGE_MEDIA_TYPE, describeExchange, type ExchangeRecord } from '../http/exchange';
import { Traffic } from '../http/traffic';
import { Isolation } from '../isolation';
import { exchangeAttachment } from '../report/exchange-attachment';
import { Redactor } from '../report/redact';
import type { Services } from '../services/services';
import type { WorkerResources } from '../worker';

/** State of one running scenario, created in `Before` once the worker's resources are ready. */
interface ScenarioState {
  readonly resources: WorkerResources;
  readonly tags: ReadonlySet<string>;
  readonly traffic: Traffic;
  readonly http: HttpClient;
  readonly api: CallerIdApi;
  readonly cast: Cast;
  readonly stage: Stage;
  readonly redactor: Redactor;
}

/** "the number" of the features: the one number the scenario is about. */
export const THE_NUMBER = new Note<string>('the number');

/** A browser session of one actor: each actor has its own context, cookies and page. */
export interface ActorSession {
  readonly actor: string;
  readonly session: BrowserSession;
}

/**
 * The World of every scenario: an HTTP client bound to the target, the scenario's actors (each
 * with its account, token and own browser page, opened by its first UI step), typed notes, and the
 * values the generic steps remember by name. Steps `import type` it and declare `this: ScenarioWorld`.
 */
export class ScenarioWorld extends World {
  readonly isolation = new Isolation();
  private state: ScenarioState | undefined;
  /** Each actor's browser session, opened by the actor's first UI step. */
  private readonly opening = new Map<string, Promise<BrowserSession>>();
  private readonly sessions: ActorSession[] = [];
  private browserDescribed = false;
  /** What steps note for later steps, each under a declared `Note<T>`. */
  readonly notes = new Notepad();
  /** Values the generic steps remember under a name the feature gives (`{{name}}`). */
  private readonly memory = new Map<string, unknown>();
  /** What the generic contract steps prepare for the next `When I call`. */
  prepared: PreparedCall = emptyCall();
  /** The scenario's feature file, as cucumber names it. */
  private featureFile: string | undefined;
  /** Credentials given by security scheme: sent with every later call to a service that has the scheme. */
  private readonly authorizations = new Map<string, Authorization>();
  /** Cucumber's own `attach`, for text the World has redacted already. */
  private readonly attachRedacted: IWorldOptions['attach'];

  constructor(options: IWorldOptions) {
    super(options);
    // What a step attaches or logs leaves it with the scenario's secrets redacted (binary data —
    // screenshots, scrubbed traces — passes as it is).
    const { attach, log } = options;
    this.attachRedacted = attach;
    const writable = this as { attach: typeof attach; log: typeof log };
    writable.attach = ((data: unknown, ...rest: unknown[]) =>
      (attach as (...args: unknown[]) => unknown)(
        typeof data === 'string' && this.state ? this.state.redactor.text(data) : data,
        ...rest,
      )) as typeof attach;
    writable.log = (text: string) => log(this.state ? this.state.redactor.text(text) : text);
  }

  /** Called by the `Before` hook: async set-up stays out of the constructor. */
  begin(resources: WorkerResources, pickle: Pickle): void {
    const tags = new Set(pickle.tags.map((tag) => tag.name));
    this.featureFile = pickle.uri;
    const redactor = new Redactor(resources.config.redact);
    const { services } = resources;
    const traffic = new Traffic(services, [(record) => this.attachExchange(record, redactor)], {
      negative: tags.has('@negative'),
    });
    const http = new HttpClient(
      services.first.apiRoot,
      traffic,
      resources.config.httpTimeoutMs,
      (method, url) => services.nameRequest(method, url),
    );
    const api = new CallerIdApi(http, services.first.contract);
    const cast = new Cast(
      api,
      this.isolation,
      (secret) => redactor.addSecret(secret),
      resources.config.accounts,
    );
    const stage = new Stage({ cast, api, browse: (actor) => this.pageOf(actor) });
    this.state = { resources, tags, traffic, http, api, cast, stage, redactor };
  }

  /** The folder of the scenario's feature file: `@file:<path>` form parts are read relative to it. */
  get featureDir(): string {
    return this.featureFile === undefined ? '.' : dirname(resolve(this.featureFile));
  }

  /** The actor called `name` ("Alice", "a visitor"), the same all scenario long; now in the spotlight. */
  actorCalled(name: string): Actor {
    return this.scenario.stage.actorCalled(name);
  }

  /** The actor a step named last: whom a step that names nobody ("the web app shows …") is about. */
  get actorInTheSpotlight(): Actor {
    return this.scenario.stage.actorInTheSpotlight;
  }

  /** The browser page of the actor in the spotlight. */
  page(): Promise<Page> {
    return this.actorInTheSpotlight.page();
  }

  /**
   * The actor's own browser page, opened on first use: a fresh context and page in the worker's one
   * browser. Scenarios that never touch the web app never open one.
   */
  private async pageOf(actor: Actor): Promise<Page> {
    let opening = this.opening.get(actor.name);
    if (!opening) {
      opening = this.openBrowser(actor.name);
      this.opening.set(actor.name, opening);
    }
    return (await opening).page;
  }

  private async openBrowser(actor: string): Promise<BrowserSession> {
    const { resources, traffic } = this.scenario;
    if (!this.browserDescribed) {
      this.browserDescribed = true;
      this.attach(
        JSON.stringify({ kind: BROWSER_KIND, browser: await resources.browser.describe() }),
        'application/json',
      );
    }
    // Loaded with the first page: API-only runs never load the browser code.
    const { BrowserSession } = await import('../browser/browser-session');
    const session = await BrowserSession.open(await resources.browser.get(), {
      uiBaseUrl: resources.target.uiBaseUrl,
      isApiCall: (url) => resources.services.isApiCall(url),
      apiBasePaths: resources.services.apiBasePaths,
      timeoutMs: resources.config.uiTimeoutMs,
      traffic,
      trace: resources.config.trace !== 'off',
    });
    this.sessions.push({ actor, session });
    return session;
  }

  get api(): CallerIdApi {
    return this.scenario.api;
  }

  get http(): HttpClient {
    return this.scenario.http;
  }

  get cast(): Cast {
    return this.scenario.cast;
  }

  get traffic(): Traffic {
    return this.scenario.traffic;
  }

  /** The project's services: operations by operationId, each exchange checked by its service. */
  get services(): Services {
    return this.scenario.resources.services;
  }

  /** The first service's contract (the only one in a one-service project). */
  get contract(): Contract {
    return this.services.first.contract;
  }

  /**
   * Calls an operation by its operationId — in `service` when named — with what the contract steps
   * prepared and the credentials given so far; the prepared parameters, headers and body are spent.
   */
  async callOperation(operationId: string, service?: string): Promise<ApiResponse> {
    const called = this.services.operation(operationId, service);
    let request: ApiRequest = {
      ...buildRequest(called.operation, this.prepared),
      baseUrl: called.service.apiRoot,
    };
    this.prepared = emptyCall();
    // A credential goes only where the operation's security asks for its scheme: a partner's API
    // key is not sprayed over every call of the scenario.
    for (const given of credentialsAskedFor(called.operation, this.authorizations.values())) {
      request = authorize(request, called.service.contract, given);
    }
    return this.http.send(request);
  }

  /**
   * Gives a credential for a security scheme of the contracts: sent, where the scheme says, with
   * every later call of an operation whose security names that scheme. The credential is a secret.
   */
  authorize(scheme: string, credential: string): void {
    const owners = this.services.list.filter(
      (service) => !('problem' in securityScheme(service.contract, scheme)),
    );
    if (owners.length === 0) {
      const found = securityScheme(this.contract, scheme);
      throw new UsageError('problem' in found ? found.problem : `no security scheme "${scheme}"`);
    }
    this.redactor.addSecret(credential);
    this.redactor.label(credential, `the credential for "${scheme}"`);
    this.authorizations.set(scheme, { scheme, credential });
  }

  /** Remembers a header of the last response (any case) as `name`; a missing one is an error. */
  rememberResponseHeader(header: string, name: string): void {
    const value = this.lastResponse.headers[header.toLowerCase()];
    if (value === undefined) {
      const sent = Object.keys(this.lastResponse.headers).join(', ') || 'none';
      throw new UsageError(
        `the response has no header ${header} to remember as "${name}" (its headers: ${sent})`,
      );
    }
    this.remember(name, value);
  }

  get redactor(): Redactor {
    return this.scenario.redactor;
  }

  /** The scenario's redactor, or none before `Before` began it (what a failed hook is redacted with). */
  get redactorIfStarted(): Redactor | undefined {
    return this.state?.redactor;
  }

  get resources(): WorkerResources {
    return this.scenario.resources;
  }

  get lastResponse(): ApiResponse {
    return this.scenario.http.lastResponse;
  }

  hasTag(tag: string): boolean {
    return this.scenario.tags.has(tag);
  }

  /** The browser sessions the scenario's actors opened, first opened first. */
  get browserSessions(): readonly ActorSession[] {
    return this.sessions;
  }

  /**
   * Ends a step's traffic: waits for the calls the actors' pages started to be answered, then for
   * every exchange of the step to be checked, and raises the first violation a page's call met.
   */
  settleTraffic(): Promise<void> | undefined {
    // An API step leaves nothing behind: nothing to wait for, and no promise (support/cucumber/hooks.ts).
    if (this.sessions.length === 0 && this.traffic.idle) return undefined;
    return (async () => {
      await Promise.all(this.sessions.map(({ session }) => session.callsAnswered()));
      await this.traffic.settle();
    })();
  }

  async closeBrowser(): Promise<void> {
    const sessions = this.sessions.splice(0);
    this.opening.clear();
    await Promise.all(sessions.map(({ session }) => session.close()));
  }

  /** "the number" of the features: the one number the scenario is about. */
  get theNumber(): string {
    return this.notes.read(THE_NUMBER);
  }

  set theNumber(number: string) {
    this.notes.write(THE_NUMBER, number);
  }

  remember(name: string, value: unknown): void {
    this.memory.set(name, value);
    // A remembered secret is named, not quoted, by a failure that involves it.
    this.redactorIfStarted?.label(value, `the remembered "${name}"`);
  }

  /**
   * Remembers the value at `path` in the last response body (`tags[0].name`) as `name`. A value
   * whose field is secret-named (`accessToken`) is also kept out of every report from now on.
   */
  rememberFromResponse(path: string, name: string): void {
    const value = valueAtPath(this.lastResponse.body, path);
    if (value === undefined) {
      throw new UsageError(`the response body has nothing at ${path} to remember as "${name}"`);
    }
    const field = String(toPath(path).pop() ?? path);
    if (typeof value === 'string' && this.redactor.isSecretName(field)) this.redactor.addSecret(value);
    this.remember(name, value);
  }

  /**
   * `{{name}}` in a step's text, table cell or doc string, replaced by what was remembered;
   * `{{env.NAME}}` by the environment variable NAME, which is then kept out of every report.
   */
  interpolate(text: string): string {
    return interpolate(text, (name) => {
      if (name.startsWith('$')) return this.builtIn(name);
      if (name.startsWith('env.')) return this.fromEnvironment(name.slice('env.'.length));
      return this.recall(name);
    });
  }

  private fromEnvironment(variable: string): string {
    const value = process.env[variable];
    if (value === undefined || value === '') {
      throw new Error(`the environment variable ${variable} is not set`);
    }
    this.redactor.addSecret(value);
    this.redactor.label(value, `{{env.${variable}}}`);
    return value;
  }

  /**
   * Built-in values, the same within a scenario and different in every other: `{{$unique}}` letters
   * and digits, `{{$uniqueDigits}}` eight digits, `{{$password}}` a password kept out of reports.
   */
  private builtIn(name: string): string {
    const known = this.memory.get(name);
    if (typeof known === 'string') return known;
    let value: string;
    if (name === '$unique') value = this.isolation.username('u').replace(/-/g, '');
    else if (name === '$uniqueDigits') value = this.isolation.freshNumber().slice(-8);
    else if (name === '$password') {
      value = this.isolation.password();
      this.redactor.addSecret(value);
      this.redactor.label(value, '{{$password}}');
    } else
      throw new Error(
        `{{${name}}} is not a built-in value (use {{$unique}}, {{$uniqueDigits}} or {{$password}})`,
      );
    this.memory.set(name, value);
    return value;
  }

  recall<T = unknown>(name: string): T {
    if (!this.memory.has(name)) {
      const known = [...this.memory.keys()].map((key) => `"${key}"`).join(', ') || 'nothing yet';
      throw new ScenarioDefect(`Nothing was remembered as "${name}" in this scenario (remembered: ${known})`);
    }
    return this.memory.get(name) as T;
  }

  private get scenario(): ScenarioState {
    if (!this.state) throw new Error('The scenario has not started: the harness Before hook did not run');
    return this.state;
  }

  private attachExchange(record: ExchangeRecord, redactor: Redactor): void {
    redactor.learnFrom(record);
    // Redacted whole here: `attach` would only go over the text again.
    this.attachRedacted(redactor.recordText(record, exchangeAttachment), {
      mediaType: EXCHANGE_MEDIA_TYPE,
      fileName: `HTTP ${describeExchange(record)}.json`,
    });
  }
}

setWorldConstructor(ScenarioWorld);
