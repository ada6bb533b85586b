import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { API_PREFIX, type HttpRoute } from '@common-ground/shared';
import type { Caller } from '../auth/Caller.ts';
import { requireCaller } from '../middlewares/authenticate.ts';
import { validateBody, validateParams, validateQuery } from '../middlewares/validate.ts';

type Parsed<Route, Part extends 'params' | 'query' | 'body'> = Route extends {
  [Key in Part]: infer Schema extends z.ZodType;
}
  ? z.output<Schema>
  : undefined;

/** What a route's handler receives: the caller, and the parameters, query and body its schemas accepted. */
export interface RouteInput<Route extends HttpRoute> {
  /** The session's caller; never null unless the route is open to anyone (`auth: 'none'`). */
  caller: Route['auth'] extends 'none' ? Caller | null : Caller;
  params: Parsed<Route, 'params'>;
  query: Parsed<Route, 'query'>;
  body: Parsed<Route, 'body'>;
}

/** The JSON the route promises, so `res.json(...)` is checked against the shared response schema. */
type ResponseBody<Route> = Route extends { response: infer Schema extends z.ZodType }
  ? z.input<Schema>
  : unknown;

/** A route's handler: load, authorise, run the command and present, from already validated input. */
export type RouteHandler<Route extends HttpRoute> = (
  input: RouteInput<Route>,
  req: Request,
  res: Response<ResponseBody<Route>>,
) => Promise<void> | void;

/**
 * Registers one route of the shared table on `router`: its own middlewares (such as rate limits) first, then
 * authenticate (401 to nobody unless the route is open) and validate params, query and body with the entry's schemas
 * (400 `validation_failed`), then the handler. API routers are mounted at {@link API_PREFIX}; the probes at the root.
 */
export function registerRoute<Route extends HttpRoute>(
  router: Router,
  route: Route,
  handler: RouteHandler<Route>,
): void;
export function registerRoute<Route extends HttpRoute>(
  router: Router,
  route: Route,
  middlewares: RequestHandler[],
  handler: RouteHandler<Route>,
): void;
export function registerRoute(
  router: Router,
  route: HttpRoute,
  ...rest: [RouteHandler<HttpRoute>] | [RequestHandler[], RouteHandler<HttpRoute>]
): void {
  const [middlewares, handler] = rest.length === 1 ? [[], rest[0]] : rest;
  const expressRoute = router.route(expressPath(route.path));
  registeredFrom.set(expressRoute, route);
  expressRoute[route.method](...middlewares, async (req: Request, res: Response) => {
    const caller = route.auth === 'none' ? (req.caller ?? null) : requireCaller(req);
    const params = route.params ? validateParams(route.params, req) : undefined;
    const query = route.query ? validateQuery(route.query, req) : undefined;
    const body = route.body ? validateBody(route.body, req) : undefined;
    // The schemas just parsed these, and auth decided caller's nullability: the input is the one RouteInput promises.
    await handler({ caller, params, query, body } as never, req, res);
  });
}

const registeredFrom = new WeakMap<object, HttpRoute>();

/** The table entry an Express route was registered from, so a test can tell it from a hand-written `router.get`. */
export const tableEntryOf = (expressRoute: object): HttpRoute | undefined => registeredFrom.get(expressRoute);

/** The table's `/api/rooms/{id}` as Express matches it inside the router mounted at `/api`: `/rooms/:id`. */
export function expressPath(path: string): string {
  const inside = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path;
  return inside.replace(/\{(\w+)\}/g, ':$1');
}
