/** The 4xx status Fastify attached to an error it raised (bad body, oversize, …), else 500. */
export function fastifyErrorStatus(error: unknown): number {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return 500;
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}
