using System.Globalization;
using MaximoOffline.Data.Replica;
using Npgsql;
using NpgsqlTypes;

namespace MaximoOffline.Data.Writing;

/// <summary>
/// Rows as the stager made them (SQLite-oriented: dates as text, flags as 0/1) into a binary COPY, in
/// PostgreSQL's types, in the order <see cref="StagedRow.WrittenColumns"/> names them.
/// </summary>
internal static class PostgresRowCopy
{
    /// <summary>Writes <paramref name="rows"/> with <paramref name="copy"/>, a binary COPY of <see cref="StagedRow.WrittenColumns"/>.</summary>
    public static void Copy(NpgsqlConnection connection, string copy, ReplicaTable table, bool withOwner, List<StagedRow> rows, DateTime now, long? runId)
    {
        using var importer = connection.BeginBinaryImport(copy);
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                WriteValue(importer, row.Values[i], table.Columns[i].Kind);
            }

            if (withOwner)
            {
                WriteKey(importer, row.OwnerKey);
            }

            WriteKey(importer, row.Rowstamp);
            importer.Write(row.Raw, NpgsqlDbType.Jsonb);
            importer.Write(now, NpgsqlDbType.TimestampTz);
            WriteKey(importer, runId);
        }

        importer.Complete();
    }

    /// <summary>A typed column's value as the SQLite-oriented stager made it (dates as text, flags as 0/1), in PostgreSQL's types.</summary>
    private static void WriteValue(NpgsqlBinaryImporter importer, object value, ColumnKind kind)
    {
        if (value is DBNull)
        {
            importer.WriteNull();
            return;
        }

        switch (kind)
        {
            case ColumnKind.Integer:
                importer.Write((long)value, NpgsqlDbType.Bigint);
                break;
            case ColumnKind.Real:
                importer.Write((double)value, NpgsqlDbType.Double);
                break;
            case ColumnKind.Flag:
                importer.Write((long)value != 0, NpgsqlDbType.Boolean);
                break;
            case ColumnKind.Date:
                importer.Write(DateTime.SpecifyKind(DateTime.ParseExact((string)value, JsonValues.DateFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc),
                    NpgsqlDbType.TimestampTz);
                break;
            default:
                importer.Write((string)value, NpgsqlDbType.Text);
                break;
        }
    }

    private static void WriteKey(NpgsqlBinaryImporter importer, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                importer.WriteNull();
                break;
            case long n:
                importer.Write(n, NpgsqlDbType.Bigint);
                break;
            default:
                importer.Write(Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlDbType.Text);
                break;
        }
    }
}
