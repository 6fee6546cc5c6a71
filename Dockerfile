# MaximoOffline web app. Build: docker build -t maximo-offline .
# Run:   docker run -p 8080:8080 -v maximo-data:/data -e Maximo__BaseUrl=https://mas.example.com/maximo -e Maximo__ApiKey=... maximo-offline
# Without Maximo__BaseUrl the app syncs from its built-in Maximo emulator.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm brings the front-end packages (Bootstrap, the SignalR client) that the app serves itself.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/MaximoOffline.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
USER app
# The replica, Hangfire's job store and the logs live on the volume.
ENV ASPNETCORE_URLS=http://+:8080 \
    Sync__DatabasePath=/data/maximo.db
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "MaximoOffline.Web.dll"]
