// This file is CommonJS (module.exports below), so the plugin comes in with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require("next-intl/plugin");

// The request config picks each request's language (cookie, else Accept-Language): no routing.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // pino is a plain Node logger; bundling it buys nothing and breaks its worker resolution.
  // undici is the Node runtime's own HTTP client: nothing to gain from bundling it either.
  serverExternalPackages: ["pino", "undici"],
  // Pages and routes get their security headers (CSP with per-request nonces and the rest) in
  // proxy.ts; static files, which it skips, get the ones that matter for them here.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
