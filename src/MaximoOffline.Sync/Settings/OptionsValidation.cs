using Microsoft.Extensions.Options;

namespace MaximoOffline.Sync.Settings;

/// <summary>Checks <see cref="MaximoOptions"/> at start-up; every message names the setting to fix.</summary>
internal sealed class MaximoOptionsValidator : IValidateOptions<MaximoOptions>
{
    public ValidateOptionsResult Validate(string? name, MaximoOptions options)
    {
        var errors = new List<string>();
        if (!options.UsesBuiltInEmulator)
        {
            if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
                || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
            {
                errors.Add($"Maximo:BaseUrl '{options.BaseUrl}' is not an absolute http(s) URL; set it to the server's Maximo root, e.g. https://mas.example.com/maximo.");
            }

            switch (options.AuthMode)
            {
                case MaximoAuthMode.ApiKey when string.IsNullOrWhiteSpace(options.ApiKey):
                    errors.Add("Maximo:ApiKey is required when Maximo:BaseUrl is set and Maximo:AuthMode is ApiKey (create one with 'maximo-offline apikey create').");
                    break;
                case MaximoAuthMode.MaxAuth or MaximoAuthMode.Basic when string.IsNullOrWhiteSpace(options.Username) || string.IsNullOrEmpty(options.Password):
                    errors.Add($"Maximo:Username and Maximo:Password are required when Maximo:AuthMode is {options.AuthMode}.");
                    break;
            }
        }

        if (!Enum.IsDefined(options.AuthMode))
        {
            errors.Add($"Maximo:AuthMode '{options.AuthMode}' is unknown; use ApiKey, MaxAuth or Basic.");
        }

        if (!Enum.IsDefined(options.DateFilterFormat))
        {
            errors.Add($"Maximo:DateFilterFormat '{options.DateFilterFormat}' is unknown; use Offset or Local.");
        }

        if (options.ApiRoot is not ("api" or "oslc"))
        {
            errors.Add($"Maximo:ApiRoot '{options.ApiRoot}' is unknown; use api or oslc.");
        }

        Range(errors, "Maximo:PageSize", options.PageSize, 1, 10_000);
        foreach (var (slug, size) in options.PageSizes)
        {
            if (Endpoints.EndpointCatalog.Find(slug) is null)
            {
                errors.Add($"Maximo:PageSize:{slug} names no endpoint; use one of {string.Join(", ", Endpoints.EndpointCatalog.Slugs)}.");
            }

            Range(errors, $"Maximo:PageSize:{slug}", size, 1, 10_000);
        }

        Range(errors, "Maximo:MaxConcurrentRequests", options.MaxConcurrentRequests, 1, 32);
        Range(errors, "Maximo:TimeoutSeconds", options.TimeoutSeconds, 1, 3600);
        Range(errors, "Maximo:MaxRetries", options.MaxRetries, 0, 10);
        Range(errors, "Maximo:MaxPageMegabytes", options.MaxPageMegabytes, 1, 1024);

        if (options.DefaultSite is { Length: > 0 } site && !SiteId.TryParse(site, out _, out var siteError))
        {
            errors.Add($"Maximo:DefaultSite: {siteError}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static void Range(List<string> errors, string key, double value, double min, double max)
    {
        if (value < min || value > max || double.IsNaN(value))
        {
            errors.Add($"{key} is {value}; it must be between {min} and {max}.");
        }
    }
}

/// <summary>Checks <see cref="SyncOptions"/> at start-up; every message names the setting to fix.</summary>
internal sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var errors = new List<string>();
        MaximoOptionsValidator.Range(errors, "Sync:MaxDeleteFraction", options.MaxDeleteFraction, 0, 1);
        MaximoOptionsValidator.Range(errors, "Sync:OverlapSeconds", options.OverlapSeconds, 0, 86_400);
        if (options.MaxDatabaseMegabytes is { } megabytes)
        {
            MaximoOptionsValidator.Range(errors, "Sync:MaxDatabaseMegabytes", megabytes, 1, 10_000_000);
        }

        if (options.WorkOrderStatuses.Length == 0)
        {
            errors.Add("Sync:WorkOrderStatuses is empty; list the statuses to sync, e.g. WAPPR,APPR,INPRG.");
        }

        foreach (var status in options.WorkOrderStatuses)
        {
            if (status.Length is 0 or > 16 || !status.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                errors.Add($"Sync:WorkOrderStatuses: '{status}' is not a Maximo status value (letters, digits and '_').");
            }
        }

        foreach (var (section, keys) in new[]
                 {
                     ("Sync:Schedule", options.Schedule.Keys), ("Sync:Where", options.Where.Keys), ("Sync:SavedQuery", options.SavedQuery.Keys),
                     ("Sync:FullEvery", options.FullEvery.Keys), ("Sync:Select", options.Select.Keys),
                 })
        {
            foreach (var key in keys)
            {
                if (Endpoints.EndpointCatalog.Find(key) is null && !(section == "Sync:Schedule" && key.Equals(Endpoints.EndpointCatalog.All, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add($"{section}:{key} names no endpoint; use one of {string.Join(", ", Endpoints.EndpointCatalog.Slugs)}.");
                }
            }
        }

        foreach (var (slug, cron) in options.Schedule)
        {
            var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (fields is not (5 or 6))
            {
                errors.Add($"Sync:Schedule:{slug} '{cron}' is not a cron expression (5 or 6 fields, e.g. '0 2 * * *').");
            }
        }

        foreach (var (slug, every) in options.FullEvery)
        {
            if (!Durations.TryParse(every, out _))
            {
                errors.Add($"Sync:FullEvery:{slug} '{every}' is not a duration; write it as 24h, 7d, 90m, or 0 to turn it off.");
            }
        }

        foreach (var (slug, select) in options.Select)
        {
            if (string.IsNullOrWhiteSpace(select) || select.Count(c => c == '{') != select.Count(c => c == '}'))
            {
                errors.Add($"Sync:Select:{slug} '{select}' is not an oslc.select (attributes and child{{...}} lists, braces balanced).");
            }
        }

        foreach (var (slug, where) in options.Where)
        {
            if (where.Contains('(', StringComparison.Ordinal) || where.Contains(')', StringComparison.Ordinal))
            {
                errors.Add($"Sync:Where:{slug}: Maximo's oslc.where does not accept parentheses.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
