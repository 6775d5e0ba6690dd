namespace UmbracoPersonalization.Persistence;

/// <summary>
/// SQLite's <c>PRAGMA synchronous</c> for the personalization database's connections (SQLite only; the database is
/// in write-ahead-log mode). See README "Persistence" for the trade-off.
/// </summary>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// Sync the log at checkpoints only, not at every commit. The database cannot be corrupted, and a process crash
    /// loses nothing committed; a power cut or operating-system crash can lose the last commits before the next
    /// checkpoint (or the system's write-back of the log).
    /// </summary>
    Normal = 1,

    /// <summary>Sync the log at every commit: a commit survives a power cut. SQLite's own default.</summary>
    Full = 2,

    /// <summary>Like <see cref="Full"/>, and also sync the directory after the log is deleted or truncated.</summary>
    Extra = 3,
}
