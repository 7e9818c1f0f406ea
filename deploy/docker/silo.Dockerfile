# syntax=docker/dockerfile:1
# Sweeps silo image. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t sweeps-silo .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore layer: only the props files and the project files of src/Silo and everything it
# references, so a source edit does not invalidate the package restore.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Silo/Sweeps.Silo.csproj src/Silo/
COPY src/Hosting/Sweeps.Hosting.csproj src/Hosting/
COPY src/Grains/Sweeps.Grains/Sweeps.Grains.csproj src/Grains/Sweeps.Grains/
COPY src/Grains/Sweeps.Grains.Abstractions/Sweeps.Grains.Abstractions.csproj src/Grains/Sweeps.Grains.Abstractions/
COPY src/Numerics/Sweeps.Numerics.csproj src/Numerics/
RUN dotnet restore src/Silo/Sweeps.Silo.csproj
COPY src/ src/
RUN dotnet publish src/Silo/Sweeps.Silo.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --chmod=0755 deploy/docker/http-probe.sh /usr/local/bin/http-probe
# Containers serve health, /metrics and the dashboard on every interface; the silo advertises
# its own container (pod) address to the cluster unless SWEEPS_ADVERTISED_IP says otherwise.
ENV SWEEPS_HTTP_BIND=0.0.0.0 \
    SWEEPS_SILO_PORT=11111 \
    SWEEPS_GATEWAY_PORT=30000 \
    SWEEPS_HTTP_PORT=8080
EXPOSE 11111 30000 8080
# Non-root: the numeric uid of the image's 'app' user, so Kubernetes can verify runAsNonRoot.
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["http-probe", "/health/live"]
ENTRYPOINT ["dotnet", "sweeps-silo.dll"]
