namespace MaximoOffline.Data.Migrations;

/// <summary>
/// SQL a migration runs as it was when the migration was written (the files in <c>Migrations/Sql</c>,
/// embedded), not as today's code would write it: a migration must do the same on every replica,
/// whenever it runs. A later change to the search index (<c>SearchIndex</c>, <c>PostgresSearchIndex</c>)
/// comes with its own migration.
/// </summary>
internal static class MigrationSql
{
    /// <summary>The SQL file <paramref name="name"/> of <c>Migrations/Sql</c>.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(MigrationSql).Assembly.GetManifestResourceStream($"migrations/{name}")
            ?? throw new InvalidOperationException($"The migration SQL '{name}' is not in the build (Migrations/Sql).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
