# syntax=docker/dockerfile:1
# E-Cabinet: the Fastify server (TypeScript run through tsx) serving the built React client.
#   docker compose up -d --build        (see docker-compose.yml)
#   docker build -t e-cabinet .

# ── base: Node 20 with the pinned pnpm ──────────────────────────────────────────────────────────
FROM node:20-bookworm-slim AS base
RUN npm install -g pnpm@10.34.8 && npm cache clean --force
ENV npm_config_update_notifier=false
WORKDIR /app

# ── manifests: only the files `pnpm install` reads ──────────────────────────────────────────────
# The lockfile, workspace files and every workspace package.json (server, client, e2e, bench,
# packages/*), each at its own path. A package added under packages/ needs no change here, and
# because the install layer below depends only on this stage's output, it is rebuilt only when a
# manifest or the lockfile changes, not on every source edit.
FROM base AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /out \
 && cp package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc /out/ \
 && find . -name package.json -not -path './package.json' -not -path '*/node_modules/*' \
      -exec cp --parents {} /out/ \;

# ── build: dependencies, sources, the client bundle ─────────────────────────────────────────────
FROM base AS build
COPY --from=manifests /out/ ./
# Not --prod: the server runs its TypeScript through tsx, a root devDependency. No browser is
# downloaded (Playwright's browsers are never installed; only esbuild may run install scripts).
RUN --mount=type=cache,id=e-cabinet-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --store-dir=/pnpm/store
COPY . .
RUN pnpm --filter @e-cabinet/client build

# ── runtime ─────────────────────────────────────────────────────────────────────────────────────
FROM base AS runtime
# PDF tools (qpdf, pdftotext/pdfsig), full TTF fonts for generated PDFs, and headless LibreOffice
# for office-to-PDF conversion (fonts-liberation2 keeps Word's pagination). Later features use
# them; this layer comes before the app so code changes do not reinstall it.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      qpdf poppler-utils fonts-noto-core fonts-liberation2 \
      libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SEED_DEMO=false

# The whole workspace with its full node_modules (see the build stage), owned by root and
# read-only to the app. Only .data/ is writable: it holds a local database when MONGODB_URI is
# not set (docker-compose.yml sets it).
COPY --from=build /app /app
RUN mkdir -p /app/.data && chown node:node /app/.data

# The node image's unprivileged user (uid 1000, home /home/node).
USER node

EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# pnpm forwards SIGTERM to tsx, which forwards it to the server: it closes gracefully.
CMD ["pnpm", "exec", "tsx", "server/src/server.ts"]
