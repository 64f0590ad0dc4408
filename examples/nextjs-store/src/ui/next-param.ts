/** Where to go after logging in: a path of this site only, never another origin. */
export function nextPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && /^\/[A-Za-z0-9/_?=&%.-]*$/.test(path) && !path.startsWith('//') ? path : '/';
}
