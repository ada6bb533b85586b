import { useSearchParams } from 'react-router';

/** The address itself if it is a path on this site, else null: "//evil.example" or "https://…" would leave it. */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

/** The `next` address from the query string if it is a path on this site, else null. */
export function useNextParam(): string | null {
  const [params] = useSearchParams();
  return safeNextPath(params.get('next'));
}

/** Where to go after signing in or up: the `next` address if there is a safe one, else the fallback. */
export function useNextPath(fallback = '/communities'): string {
  return useNextParam() ?? fallback;
}
