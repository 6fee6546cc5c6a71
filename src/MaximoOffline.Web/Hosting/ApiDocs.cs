using Microsoft.OpenApi;

namespace MaximoOffline.Web.Hosting;

internal static class ApiDocs
{
    /// <summary>Swagger (OpenAPI) for the REST API, with the XML comments of its models.</summary>
    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "MaximoOffline",
                Version = "v1",
                Description = "Start syncs of Maximo object structures into the local replica and follow them. " +
                              "Endpoints: domain, peruser, locations, assets, wodetail, inventory, or all. " +
                              "Example: POST /api/sync/assets with {\"site\": \"KDFAC\", \"full\": false}.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, "MaximoOffline.Web.xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml);
            }
        });
        return services;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        // The description is an endpoint (a Viewer's); the page is not one, so the fallback policy (a Viewer) guards it.
        app.MapSwagger().RequireAuthorization(Security.Policies.Viewer);
        app.UseSwaggerUI(o =>
        {
            o.DocumentTitle = "MaximoOffline API";
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "MaximoOffline v1");
        });
        return app;
    }
}
