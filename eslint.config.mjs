import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      "packages/*/dist/**",
      "next-env.d.ts",
    ],
  },
  {
    // The portal (app/, lib/) and the sandbox talk over HTTP only, like the portal and a real provider.
    files: ["app/**", "lib/**", "auth.ts", "proxy.ts", "instrumentation.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/sandbox/**", "@/sandbox/**"],
              message: "The portal never imports sandbox code: talk to it over HTTP.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["sandbox/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/app/**", "**/lib/**", "@/*", "**/auth"],
              message: "The sandbox never imports portal code.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
