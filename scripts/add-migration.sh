#!/usr/bin/env bash
# Adds a migration with the given name for every database provider, so the three histories stay in step.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NAME}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build Sintra.Hub.Infrastructure -v q -nologo >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" --no-build \
    --project Sintra.Hub.Infrastructure --startup-project Sintra.Hub.Infrastructure \
    --context "${provider}HubDbContext" \
    --output-dir "Persistence/Migrations/$provider"
  dotnet build Sintra.Hub.Infrastructure -v q -nologo >/dev/null
done
