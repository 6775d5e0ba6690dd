namespace UmbracoPersonalization.Persistence;

/// <summary>The database engines the stores can use.</summary>
public enum PersistenceProvider
{
    /// <summary>An embedded SQLite file (the default): no setup, one instance.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL: several instances can share it.</summary>
    PostgreSql,
}
