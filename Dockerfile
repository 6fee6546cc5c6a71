# MaximoOffline web app. Build: docker build -t maximo-offline .
# Run:   docker run -d --name maximo-offline -p 8080:8080 -v maximo-data:/data -e Maximo__BaseUrl=https://mas.example.com/maximo -e Maximo__ApiKey=... maximo-offline
# Then:  docker exec -it maximo-offline maximo-offline users add admin --role Admin
# Without Maximo__BaseUrl the app syncs from its built-in Maximo emulator. A container listens beyond
# localhost, so sign-in is on (Auth__Mode=Local; or Oidc with Auth__Oidc__...).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm brings the front-end packages (Bootstrap, the SignalR client) that the app serves itself.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/MaximoOffline.Web -c Release -o /app \
 && dotnet publish src/MaximoOffline.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The command line beside the app, on the same replica: users, tokens, status, doctor.
RUN printf '#!/bin/sh\nexec dotnet /app/cli/MaximoOffline.Cli.dll "$@"\n' > /usr/local/bin/maximo-offline \
 && chmod +x /usr/local/bin/maximo-offline \
 && mkdir -p /data && chown app:app /data
USER app
# The replica, Hangfire's job store and the logs live on the volume.
ENV ASPNETCORE_URLS=http://+:8080 \
    Sync__DatabasePath=/data/maximo.db \
    Auth__Mode=Local
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "MaximoOffline.Web.dll"]
