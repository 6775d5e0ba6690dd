using Microsoft.Data.Sqlite;

namespace UmbracoPersonalization.Site.Tests.Infrastructure;

/// <summary>Reads the package's SQLite file directly, as an operator would.</summary>
public static class ProfileDatabase
{
    /// <summary>The default SQLite file name in the data folder.</summary>
    public const string FileName = "personalization.db";

    /// <summary>The package's profile table.</summary>
    public const string ProfileTable = "upPersonalizationProfile";

    /// <summary>The number of stored profiles in <paramref name="file"/>; 0 when the table does not exist yet.</summary>
    public static int CountProfiles(string file) => Count(file, null);

    /// <summary>The number of stored profiles of <paramref name="visitorId"/> in <paramref name="file"/> (0 or 1).</summary>
    public static int CountProfiles(string file, string visitorId) => Count(file, visitorId);

    private static int Count(string file, string? visitorId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        exists.Parameters.AddWithValue("$name", ProfileTable);
        if (Convert.ToInt32(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM \"{ProfileTable}\"" + (visitorId is null ? string.Empty : " WHERE \"VisitorId\" = $id");
        if (visitorId is not null)
        {
            count.Parameters.AddWithValue("$id", visitorId);
        }

        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
