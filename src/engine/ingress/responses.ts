// The answers ingress-nginx gives itself: nginx's built-in error pages (the controller deploys no
// separate default backend since v0.2x; its internal one returns nginx's 404), and redirects.

const REASONS: Record<number, string> = {
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  404: 'Not Found',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
};

/** nginx's built-in page for a status (ngx_http_special_response.c). */
export function nginxErrorPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? ''}`.trim();
  return `<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`;
}

/** A response the controller answers itself. */
export function ownResponse(status: number, headers?: Record<string, string>): { status: number; body: string; headers?: Record<string, string> } {
  return { status, body: nginxErrorPage(status), ...(headers ? { headers } : {}) };
}
