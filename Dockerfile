# papergraph API. Used by docker-compose.yml (service `api`); also builds alone:
#   docker build -t papergraph . && docker run -p 4000:4000 -e NEO4J_URI=... papergraph
FROM node:20-slim

WORKDIR /app

# Dependencies first, for layer caching. --ignore-scripts: `prepare` (the build) needs the sources.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

COPY . .
RUN npm run build && npm run build:web && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
EXPOSE 4000
USER node

CMD ["node", "bin/papergraph.js", "serve", "--ingest", "seeds"]
