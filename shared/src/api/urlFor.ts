import type { HttpRoute, RouteRequest, RouteRequestArgs } from './HttpRoute.ts';

/** The route's path with its `{params}` filled in and encoded, e.g. `/api/rooms/65a0…/visitor-passes`. */
export function pathFor(route: HttpRoute, params: Record<string, string> = {}): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.path} needs the parameter "${name}"`);
    return encodeURIComponent(value);
  });
}

/** The query string of a request, with a leading `?`, or '' when there is nothing to send. */
export function queryStringFor(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The URL (path and query) of a route, for links the browser follows itself, such as downloads. */
export function urlFor<Route extends HttpRoute>(route: Route, ...[request]: RouteRequestArgs<Route>): string {
  const { params, query } = (request ?? {}) as RouteRequest<HttpRoute> & {
    params?: Record<string, string>;
    query?: Record<string, unknown>;
  };
  return pathFor(route, params) + queryStringFor(query);
}
