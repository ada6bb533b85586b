import type { z } from 'zod';

/** The names in braces of an OpenAPI-style path: `/api/rooms/{id}/visitor-passes/{passId}` gives `'id' | 'passId'`. */
export type PathParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

/**
 * One HTTP route of the public API: the server registers it, the client calls it and `GET /api/openapi.json`
 * describes it, all from this one entry and the zod schemas in it.
 */
export interface HttpRoute<Path extends string = string> {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI-style path, e.g. `/api/rooms/{id}`. */
  path: Path;
  summary: string;
  /** Whether a session (user or visitor) is needed; the server answers 401 to nobody before validating. */
  auth: 'none' | 'user' | 'user-or-visitor';
  /** The path parameters, one per `{name}` in the path. */
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  status: number;
  /** The success body; absent when there is none (204) or it is not JSON (a download). */
  response?: z.ZodType;
}

type ParamsMatchPath<Route extends HttpRoute> = [PathParamNames<Route['path']>] extends [never]
  ? { params?: undefined }
  : { params: z.ZodType<{ [Name in PathParamNames<Route['path']>]: string }> };

/** Declares a route, keeping its schemas' types and refusing a path whose `{params}` have no schema. */
export const defineRoute = <const Route extends HttpRoute>(route: Route & ParamsMatchPath<Route>): Route =>
  route;

/** What a call of the route needs: its path parameters, query and body, as the schemas accept them. */
export type RouteRequest<Route extends HttpRoute> = (Route extends { params: infer S extends z.ZodType }
  ? { params: z.input<S> }
  : { params?: undefined }) &
  (Route extends { query: infer S extends z.ZodType }
    ? object extends z.input<S>
      ? { query?: z.input<S> }
      : { query: z.input<S> }
    : { query?: undefined }) &
  (Route extends { body: infer S extends z.ZodType } ? { body: z.input<S> } : { body?: undefined });

/** The route's parsed success body, or `void` when it has none. */
export type RouteResponse<Route extends HttpRoute> = Route extends { response: infer S extends z.ZodType }
  ? z.output<S>
  : void;

/** Lets a call leave out its options when the route needs none. */
export type RouteRequestArgs<Route extends HttpRoute, Extra = object> =
  object extends RouteRequest<Route>
    ? [request?: RouteRequest<Route> & Extra]
    : [request: RouteRequest<Route> & Extra];
