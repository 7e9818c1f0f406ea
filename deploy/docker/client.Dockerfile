# syntax=docker/dockerfile:1
# Sweeps client image (the `sweeps` CLI). Build from the repository root:
#   docker build -f deploy/docker/client.Dockerfile -t sweeps-client .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore layer: only the props files and the project files of src/Client and everything it
# references, so a source edit does not invalidate the package restore.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Client/Sweeps.Client.csproj src/Client/
COPY src/Hosting/Sweeps.Hosting.csproj src/Hosting/
COPY src/Grains/Sweeps.Grains/Sweeps.Grains.csproj src/Grains/Sweeps.Grains/
COPY src/Grains/Sweeps.Grains.Abstractions/Sweeps.Grains.Abstractions.csproj src/Grains/Sweeps.Grains.Abstractions/
COPY src/Numerics/Sweeps.Numerics.csproj src/Numerics/
RUN dotnet restore src/Client/Sweeps.Client.csproj
COPY src/ src/
RUN dotnet publish src/Client/Sweeps.Client.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Phase-diagram PNG/SVG need a font: SkiaSharp's NoDependencies assets bundle none.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The ready-made specs, so `sweeps run /app/examples/NAME.yaml` works with no volume.
COPY examples/ ./examples/
# Non-root: the numeric uid of the image's 'app' user, so Kubernetes can verify runAsNonRoot.
USER $APP_UID
ENTRYPOINT ["dotnet", "sweeps.dll"]
